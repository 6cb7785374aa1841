"""Create translation from the article's own page, and the original's list of its
translations with where each stands."""

import re

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import change_url, contributor

pytestmark = pytest.mark.django_db


def translations_panel(client, article):
    page = client.get(change_url(article)).content.decode()
    if 'class="module translations-panel"' not in page:
        return None
    return page.split('class="module translations-panel"')[1].split("</section>")[0]


def test_a_translator_creates_a_translation_from_the_original_s_page(client, translator, publish):
    me = contributor("Lina Golovnya")
    me.user = translator
    me.save()
    original = publish(headline="Bridge opens", credits=[("reporting", "Ann One", "Kyiv", "")])
    client.force_login(translator)
    panel = translations_panel(client, original)
    assert "No translations yet." in panel
    assert re.search(r'<label for="translate-language">Translate into</label>', panel)
    assert 'value="fr"' in panel and 'value="en"' not in panel  # not its own language

    url = reverse("admin:articles_article_translate", args=[original.pk])
    response = client.post(url, {"language": "fr"})
    translation = Article.objects.get(translation_of=original)
    assert response.status_code == 302 and response["Location"] == change_url(translation)
    assert translation.language == "fr"
    assert [(c.role, c.contributor.name) for c in translation.credits.all()] == [
        ("reporting", "Ann One"),
        ("translation", "Lina Golovnya"),
    ]
    panel = translations_panel(client, original)
    assert 'value="fr"' not in panel  # one translation per language


def test_the_original_lists_its_translations_with_state_and_out_of_date(
    client, editor, translator, publish
):
    original = publish(headline="Bridge opens")
    french = original.create_translation(translator, "fr")
    client.force_login(editor)
    panel = translations_panel(client, original)
    assert change_url(french) in panel
    assert "Draft" in panel and "Out of date" not in panel

    french.submit(translator)
    french.publish(editor)
    original.edit(editor, headline="Bridge opened")  # an update readers are told of
    panel = translations_panel(client, original)
    assert "Out of date" in panel


def test_who_may_not_translate_gets_no_button_and_a_refusal(client, reporter, publish):
    original = publish(headline="Bridge opens")
    client.force_login(reporter)
    assert translations_panel(client, original) is None
    url = reverse("admin:articles_article_translate", args=[original.pk])
    assert client.post(url, {"language": "fr"}).status_code == 403
    assert not Article.objects.filter(translation_of=original).exists()


def test_the_page_without_scripts_offers_the_translator_to_credit(client, translator, publish):
    original = publish(headline="Bridge opens")
    client.force_login(translator)
    page = client.get(reverse("admin:articles_article_translate", args=[original.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="translator"' in html and 'name="action"' not in html
