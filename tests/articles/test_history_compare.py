"""The story's history: the list picks two versions by labelled buttons, and compare shows
what an editor changed (words, credits), never the stored HTML or bookkeeping fields."""

import re
from html import unescape

import pytest
from django.urls import reverse
from reversion.models import Version

from tests.factories import change_url, contributor, form_values, save_through_admin

pytestmark = pytest.mark.django_db


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def compare_page(client, article):
    newer, older = Version.objects.get_for_object(article)[:2]
    page = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    )
    assert page.status_code == 200
    return page.content.decode()


def section_of(page, heading):
    """The compare page's part under one field's heading."""
    return page.split(f"<h2>{heading}</h2>")[1].split("<h2>")[0].split("</main>")[0]


def credit_rows(page):
    """[(change, role, name, place, language)] as the credits table shows them, with the
    removed text in [brackets] and the added in {braces}."""
    table = section_of(page, "Credits")
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody>")[1], flags=re.S)
    marked = [re.sub(r"<del>(.*?)</del>", r"[\1]", row) for row in rows]
    marked = [re.sub(r"<ins>(.*?)</ins>", r"{\1}", row) for row in marked]
    return [
        tuple(text_of(cell) for cell in re.findall(r"<td>(.*?)</td>", row, flags=re.S))
        for row in marked
    ]


def test_compare_shows_the_body_as_words_added_and_removed(client, editor, make_article):
    article = make_article(
        body="<p>The bridge opens on <strong>Monday</strong>.</p><p>Traffic waits.</p>"
    )
    client.force_login(editor)
    save_through_admin(client, article)
    save_through_admin(
        client,
        article,
        body="<p>The new bridge opens on <strong>Tuesday</strong>.</p><h2>Tolls</h2>"
        "<p>Traffic waits.</p>",
    )
    body = section_of(compare_page(client, article), "Body")
    assert "&lt;" not in body  # no stored HTML shown as text
    assert re.findall(r"<(ins|del)>(.*?)</\1>", body) == [
        ("ins", "new"),
        ("del", "Monday."),
        ("ins", "Tuesday."),
        ("ins", "Tolls"),
    ]
    assert text_of(body).startswith("The new bridge opens on Monday. Tuesday. Tolls Traffic")


def test_compare_leaves_out_bookkeeping_and_fields_that_did_not_change(
    client, editor, make_article
):
    article = make_article(headline="Storm nears")
    client.force_login(editor)
    save_through_admin(client, article)
    save_through_admin(client, article, headline="Storm hits")
    page = compare_page(client, article)
    assert re.findall(r"<h2>(.*?)</h2>", page.split('id="content-main"')[1]) == ["Headline"]
    assert section_of(page, "Headline").count("<del>nears</del> <ins>hits</ins>") == 1
    for bookkeeping in ["edit token", "modified at", "revision", "UUID("]:
        assert bookkeeping not in page.lower()
    assert "not under reversion control" not in page


def test_compare_shows_credits_as_rows_added_removed_changed_and_moved(
    client, editor, make_article
):
    article = make_article(
        credits=[
            ("reporting", "Ann Lee", "Kyiv", ""),
            ("translation", "Bo Ek", "", "fr"),
            ("editing", "Cy Moss", "", ""),
            ("fact_checking", "Di Holm", "", ""),
        ]
    )
    client.force_login(editor)
    assert save_through_admin(client, article).status_code == 302
    data = form_values(client.get(change_url(article)))
    rows = {data[f"credits-{i}-contributor"]: i for i in range(4)}
    ann, bo, cy, di = (
        rows[str(contributor(n).pk)] for n in ("Ann Lee", "Bo Ek", "Cy Moss", "Di Holm")
    )
    data.update(
        {
            f"credits-{ann}-place": "Lviv",
            f"credits-{bo}-language": "de",
            f"credits-{di}-DELETE": "on",
            f"credits-{cy}-position": "0",
            f"credits-{ann}-position": "1",
            f"credits-{bo}-position": "2",
            "credits-TOTAL_FORMS": "5",
            "credits-4-position": "3",
            "credits-4-role": "photography",
            "credits-4-contributor": str(contributor("Eva Berg").pk),
            "credits-4-place": "Oslo",
        }
    )
    assert client.post(change_url(article), data).status_code == 302
    assert credit_rows(compare_page(client, article)) == [
        ("Moved", "Editing", "Cy Moss", "", ""),
        ("Changed", "Reporting", "Ann Lee", "[Kyiv] {Lviv}", ""),
        ("Changed", "Translation", "Bo Ek", "", "[French] {German}"),
        ("Removed", "[Fact-checking]", "[Di Holm]", "", ""),
        ("Added", "{Photography}", "{Eva Berg}", "{Oslo}", ""),
    ]


def test_every_radio_button_of_the_history_list_is_named_for_what_it_picks(
    client, editor, make_article
):
    article = make_article()
    client.force_login(editor)
    for headline in ["One", "Two", "Three"]:
        save_through_admin(client, article, headline=headline)
    page = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    radios = re.findall(r"<input type=\"radio\"[^>]*>", page.content.decode())
    assert len(radios) == 6
    labels = [re.search(r'aria-label="([^"]+)"', radio) for radio in radios]
    assert all(labels), radios
    assert [label[1].split(" ")[:2] for label in labels[:2]] == [
        ["Compare", "from"],
        ["Compare", "to"],
    ]
