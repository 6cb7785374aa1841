"""Credits on the article's admin page: ordered by the list, labelled, previewed, questioned."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.creditchecks import credit_warnings
from articles.models import Article, Role
from tests.factories import change_url, contributor, form_values

pytestmark = pytest.mark.django_db

PREVIEW = reverse("admin:articles_article_credit_line")


def preview(client, language="en", translation_of="", credit_style="", credits=()):
    query = {"language": language, "translation_of": translation_of, "credit_style": credit_style}
    for field in ("role", "contributor", "place", "into"):
        query[field] = [credit[field] for credit in credits]
    return client.get(PREVIEW, query)


def credit(role, name, place="", into=""):
    return {"role": role, "contributor": str(contributor(name).pk), "place": place, "into": into}


def test_the_preview_renders_unsaved_credits_as_the_article_will(client, editor):
    client.force_login(editor)
    response = preview(
        client,
        credits=[
            credit("reporting", "Guy Faulconbridge", "Moscow"),
            credit("reporting", "Gwladys Fouche", "Oslo"),
            credit("editing", "Blandine Hénault"),
        ],
    )
    assert response.json() == {
        "line": "(Reporting by Guy Faulconbridge in Moscow and Gwladys Fouche in Oslo; "
        "Editing by Blandine Hénault)",
        "warnings": [],
    }


def test_the_preview_uses_the_translated_style_and_costs_few_queries(
    client, editor, make_article, django_assert_max_num_queries
):
    original = make_article()
    client.force_login(editor)
    credits = [
        credit("reporting", "Guy Faulconbridge", "Moscow"),
        credit("reporting", "Gwladys Fouche", "Oslo"),
        credit("translation", "Lina Golovnya", into="fr"),
        credit("editing", "Blandine Hénault"),
    ]
    preview(client, language="fr", credits=credits)  # styles and places are cached from here on
    with django_assert_max_num_queries(5):  # session, user, two for permissions, contributors
        response = preview(client, language="fr", translation_of=str(original.pk), credits=credits)
    assert response.json() == {
        # The places in the line's language, as the story's own footer writes them.
        "line": "(Reportage Guy Faulconbridge à Moscou et Gwladys Fouche à Oslo; "
        "version française Lina Golovnya, édité par Blandine Hénault)",
        "warnings": [],
    }


def test_the_preview_warns_of_credits_that_make_no_sense(client, editor):
    client.force_login(editor)
    warnings = preview(
        client,
        credits=[
            credit("translation", "Lina Golovnya", into="fr"),
            credit("editing", "Blandine Hénault", place="Paris"),
            credit("editing", "Blandine Hénault"),
        ],
    ).json()["warnings"]
    assert warnings == [
        "Lina Golovnya is credited with a French version, but this article is in English.",
        "Lina Golovnya is credited as translator, but this article is not marked as a "
        "translation: choose its original under “Translation of”.",
        "Blandine Hénault has a place, but editing takes none: clear it to save.",
        "Blandine Hénault is credited twice for editing.",
    ]


def test_incomplete_rows_are_left_out_of_the_preview(client, editor):
    client.force_login(editor)
    response = preview(
        client,
        credits=[
            credit("reporting", "Ann One", "Kyiv"),
            {"role": "reporting", "contributor": "", "place": "", "into": ""},
            {"role": "nonsense", "contributor": "12345", "place": "", "into": ""},
        ],
    )
    assert response.json()["line"] == "(Reporting by Ann One in Kyiv)"


def test_a_translation_without_a_translator_is_questioned(make_article):
    original = make_article()
    translation = Article(language="fr", translation_of=original)
    assert credit_warnings(translation, [(Role.REPORTING, "Ann One", "Kyiv", "")]) == [
        "This translation credits no translator."
    ]


def test_the_position_is_never_typed_and_follows_the_list(client, editor, make_article):
    article = make_article(
        credits=[("reporting", "Ann One", "Kyiv", ""), ("editing", "Bob Two", "", "")]
    )
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert '<input type="hidden" name="credits-0-position"' in page
    data = form_values(client.get(change_url(article)))
    # The page moved Bob up: it sends the positions as the list shows them, with gaps.
    data.update({"credits-0-position": "7", "credits-1-position": "3"})
    assert client.post(change_url(article), data).status_code == 302
    assert [(c.contributor.name, c.position) for c in article.credits.all()] == [
        ("Bob Two", 0),
        ("Ann One", 1),
    ]
    assert article.credit_line == "(Reporting by Ann One in Kyiv; Editing by Bob Two)"


def test_every_credit_field_has_its_own_label(client, editor, make_article):
    article = make_article(credits=[("reporting", "Ann One", "Kyiv", "")])
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    for field, label in [
        ("role", "Role"),
        ("contributor", "Contributor"),
        ("place", "Reported from"),
        ("language", "Translated into"),
    ]:
        assert re.search(
            rf'<label( class="required")? for="id_credits-0-{field}">{label}:</label>', page
        )
    assert 'aria-label="Move credit 1 up"' in page and 'aria-label="Move credit 1 down"' in page
    # The page knows which roles use which field, from the model's own table.
    assert "&quot;place&quot;: [&quot;additional_reporting&quot;" in page


def test_saving_odd_credits_says_so_but_saves(client, editor, make_article):
    article = make_article()
    client.force_login(editor)
    data = form_values(client.get(change_url(article)))
    data.update(
        {
            "credits-TOTAL_FORMS": "1",
            "credits-0-role": "translation",
            "credits-0-contributor": str(contributor("Lina Golovnya").pk),
            "credits-0-language": "fr",
            "credits-0-position": "0",
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert (
        "Lina Golovnya is credited with a French version, but this article is in English." in said
    )
    assert article.credits.get().contributor.name == "Lina Golovnya"


def test_an_editor_with_a_place_is_refused_and_the_row_kept(client, editor, make_article):
    article = make_article()
    client.force_login(editor)
    data = form_values(client.get(change_url(article)))
    data.update(
        {
            "headline": "Kept while the credit is fixed",
            "credits-TOTAL_FORMS": "1",
            "credits-0-role": "editing",
            "credits-0-contributor": str(contributor("Bob Two").pk),
            "credits-0-place": "Paris",
            "credits-0-position": "0",
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Only reporting, additional reporting, photos and video have a place." in page
    assert 'value="Paris"' in page and 'value="Kept while the credit is fixed"' in page
    assert not article.credits.exists()
