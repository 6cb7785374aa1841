"""
In the admin: stories whose credits need checking, the choice of house style for a footer
kept as sent, and the history of credits (place, role, language and order) in the compare view.
"""

import re
from html import unescape

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.admin.revisions import credit_lines_in
from articles.models import Article
from tests.factories import change_url, contributor, form_values, save_through_admin
from wire.importer import save_story
from wire.story import Story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("section")]

CHANGELIST = reverse("admin:articles_article_changelist")


def import_footer(footer, by, headline="Ministers meet"):
    story = Story(source_id=f"t:{headline}", headline=headline, paragraphs=["Text."], footer=footer)
    return save_story(story, by).article


def test_the_filter_lists_stories_whose_credits_need_checking_with_the_reason(client, editor):
    fine = import_footer("(Reporting by Ann Lee; Editing by Bo Ek)", editor, "Fine story")
    odd = import_footer("(Reporting by Ann Lee and 3 others; Editing by Bo Ek)", editor, "Odd one")
    client.force_login(editor)
    page = client.get(CHANGELIST).content.decode()
    assert "Credits need checking" in page
    listed = client.get(CHANGELIST, {"credits_check": "yes"}).context["cl"].result_list
    assert list(listed) == [odd]
    assert list(client.get(CHANGELIST, {"credits_check": "no"}).context["cl"].result_list) == [fine]
    form = client.get(change_url(odd)).content.decode()
    assert "“3 others” is not a name: it contains digits" in form
    assert "Reporting by Ann Lee and 3 others" in form  # kept as sent, to put right


def test_emptying_what_was_not_read_takes_the_story_off_the_list(client, editor):
    odd = import_footer("(Reporting by Ann Lee; Sound by Zed Zee)", editor)
    client.force_login(editor)
    assert save_through_admin(client, odd, credits_to_check="").status_code == 302
    odd.refresh_from_db()
    assert (odd.credits_to_check, odd.credits_check_reason) == ("", "")
    assert not Article.objects.exclude(credits_to_check="").exists()


def test_a_footer_kept_as_sent_goes_to_house_style_with_one_choice(client, editor):
    article = import_footer("(Reporting by Ann Lee, editing by Bo Ek)", editor)
    assert article.credit_line == "(Reporting by Ann Lee, editing by Bo Ek)"
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'name="house_style"' in page
    assert save_through_admin(client, article, house_style="on").status_code == 302
    article.refresh_from_db()
    assert article.credit_variant == {}
    assert article.credit_line == "(Reporting by Ann Lee; Editing by Bo Ek)"
    assert 'name="house_style"' not in client.get(change_url(article)).content.decode()


def test_choosing_another_style_leaves_the_footer_s_own_way_behind(editor, make_article):
    article = import_footer("(Reporting by Ann Lee, editing by Bo Ek)", editor)
    article.credit_style = None
    article.language = "fr"
    article.save()
    assert article.credit_line == "(Reportage Ann Lee, édité par Bo Ek)"


def test_the_compare_view_shows_a_change_of_place_role_language_and_order(
    client, editor, make_article
):
    article = make_article(
        credits=[
            ("reporting", "Ann Lee", "Kyiv", ""),
            ("translation", "Bo Ek", "", "fr"),
            ("editing", "Cy Moss", "", ""),
        ]
    )
    client.force_login(editor)
    assert save_through_admin(client, article).status_code == 302
    data = form_values(client.get(change_url(article)))
    rows = {data[f"credits-{i}-contributor"]: i for i in range(3)}
    ann, bo, cy = (rows[str(contributor(n).pk)] for n in ("Ann Lee", "Bo Ek", "Cy Moss"))
    data.update(
        {
            f"credits-{ann}-place": "Lviv",
            f"credits-{bo}-language": "de",
            f"credits-{cy}-role": "writing",
            f"credits-{ann}-position": "2",
            f"credits-{cy}-position": "0",
        }
    )
    assert client.post(change_url(article), data).status_code == 302
    newer, older = Version.objects.get_for_object(article)[:2]
    page = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    ).content.decode()
    assert credit_lines_in(older, article.pk).split("\n") == [
        "1. Reporting: Ann Lee, in Kyiv",
        "2. Translation: Bo Ek, into French",
        "3. Editing: Cy Moss",
    ]
    assert credit_lines_in(newer, article.pk).split("\n") == [
        "1. Writing: Cy Moss",
        "2. Translation: Bo Ek, into German",
        "3. Reporting: Ann Lee, in Lviv",
    ]
    # The page shows the two side by side as a diff of those lines.
    credits = page.split("<h3>credits</h3>")[1].split("</pre>")[0]
    before = text_of(re.sub(r"<ins>.*?</ins>", "", credits, flags=re.S))
    after = text_of(re.sub(r"<del>.*?</del>", "", credits, flags=re.S))
    assert before.startswith("1. Reporting: Ann Lee, in Kyiv")
    assert after.startswith("1. Writing: Cy Moss")
    assert "Lv" in after and "Ger" in after and "Fren" in before


def text_of(html):
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()
