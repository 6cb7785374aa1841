"""Places are entered once and written in the language of the line: "in Moscow", "à Moscou"."""

import pytest
from django.urls import reverse

from articles.models import Place
from tests.factories import contributor

pytestmark = pytest.mark.django_db


def test_common_wire_datelines_come_with_their_names_in_other_languages():
    assert Place.objects.get(name="Moscow").names["fr"] == "Moscou"
    assert Place.objects.get(name="Kyiv").names["fr"] == "Kiev"
    assert Place.objects.count() >= 50


def test_a_place_entered_once_reads_in_each_line_s_language(make_article, editor):
    credits = [("reporting", "Ann Lee", "Moscow", ""), ("reporting", "Bo Ek", "Kyiv", "")]
    english = make_article(language="en", credits=credits)
    french = make_article(language="fr", credits=credits)
    assert english.credit_line == "(Reporting by Ann Lee in Moscow and Bo Ek in Kyiv)"
    assert french.credit_line == "(Reportage Ann Lee à Moscou et Bo Ek à Kiev)"


def test_a_place_not_on_the_list_is_written_as_typed(make_article):
    french = make_article(language="fr", credits=[("reporting", "Ann Lee", "Tromsø", "")])
    assert french.credit_line == "(Reportage Ann Lee à Tromsø)"


def test_translating_a_story_keeps_its_places_and_writes_them_in_french(publish, editor):
    original = publish(language="en", credits=[("reporting", "Ann Lee", "Warsaw", "")])
    translation = original.create_translation(editor, "fr", contributor("Bo Ek"))
    assert translation.credit_tuples()[0] == ("reporting", "Ann Lee", "Warsaw", "")
    assert translation.credit_line == "(Reportage Ann Lee à Varsovie; version française Bo Ek)"


def test_editors_add_a_place_in_the_admin_and_lines_use_it_at_once(client, editor, make_article):
    french = make_article(language="fr", credits=[("reporting", "Ann Lee", "Gothenburg", "")])
    assert french.credit_line == "(Reportage Ann Lee à Gothenburg)"
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_place_add"), {"name": "Gothenburg", "name_fr": "Göteborg"}
    )
    assert response.status_code == 302
    assert Place.objects.get(name="Gothenburg").names == {"fr": "Göteborg"}
    assert french.credit_line == "(Reportage Ann Lee à Göteborg)"


def test_the_place_form_shows_and_keeps_each_language(client, editor):
    client.force_login(editor)
    moscow = Place.objects.get(name="Moscow")
    page = client.get(reverse("admin:articles_place_change", args=[moscow.pk])).content.decode()
    assert 'name="name_fr"' in page and 'value="Moscou"' in page
    client.post(
        reverse("admin:articles_place_change", args=[moscow.pk]),
        {"name": "Moscow", "name_fr": "Moscou", "name_de": ""},
    )
    moscow.refresh_from_db()
    assert moscow.names == {"fr": "Moscou"}  # languages left empty are written as the name


def test_reporters_may_look_places_up_but_not_change_them(client, reporter):
    client.force_login(reporter)
    assert client.get(reverse("admin:articles_place_changelist")).status_code == 200
    assert client.get(reverse("admin:articles_place_add")).status_code == 403


def test_renaming_a_place_takes_its_credits_along(make_article):
    article = make_article(language="fr", credits=[("reporting", "Ann Lee", "Kyiv", "")])
    kyiv = Place.objects.get(name="Kyiv")
    kyiv.name = "Kyiv City"
    kyiv.save()
    assert article.credits.get().place == "Kyiv City"
    assert article.credit_line == "(Reportage Ann Lee à Kiev)"


def test_a_french_line_names_its_places_in_french_when_read_back(section, editor):
    from wire.importer import save_story
    from wire.story import Story

    story = Story(
        source_id="t:1",
        headline="Titre",
        paragraphs=["Texte."],
        footer="(Reportage Ann Lee à Moscou et Bo Ek à La Haye)",
    )
    article = save_story(story, editor).article
    assert [c[2] for c in article.credit_tuples()] == ["Moscow", "The Hague"]
    assert article.language == "fr"
    assert article.credit_line == "(Reportage Ann Lee à Moscou et Bo Ek à La Haye)"


def test_a_place_typed_in_french_is_kept_under_the_newsroom_s_name(client, editor, make_article):
    from tests.factories import form_values

    article = make_article(language="fr", credits=[("reporting", "Ann Lee", "", "")])
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = {**form_values(client.get(url)), "credits-0-place": " Moscou "}
    assert client.post(url, data).status_code == 302
    assert article.credits.get().place == "Moscow"
    assert article.credit_line == "(Reportage Ann Lee à Moscou)"
