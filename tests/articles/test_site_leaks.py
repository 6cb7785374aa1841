"""Drafts, stories in review, scheduled and withdrawn stories never reach readers."""

import json

import pytest
from django.urls import reverse

from articles.models import ReaderState
from tests.factories import HIDDEN_STATES, article_in_state

CREDITS = [("reporting", "Guy Faulconbridge", "Moscow", "")]

SURFACES = [
    "/",
    "/?page=1",
    "/section/world/",
    "/contributor/guy-faulconbridge/",
    "/search/?q=zanzibar",
    "/feeds/rss/",
    "/feeds/atom/",
    "/section/world/rss/",
    "/section/world/atom/",
    "/contributor/guy-faulconbridge/rss/",
    "/contributor/guy-faulconbridge/atom/",
    "/sitemap-articles.xml",
    "/sitemap-news.xml",
    "/articles/zanzibar-live/",  # related stories and translations
]


@pytest.fixture
def stories(db):
    made = {}
    for state in ReaderState:
        made[state] = article_in_state(
            state,
            headline=f"Zanzibar {state} story",
            slug=f"zanzibar-{state}",
            standfirst="Zanzibar",
            body="<p>Zanzibar</p>",
            credits=CREDITS,
        )
    return made


@pytest.mark.parametrize("url", SURFACES)
def test_only_published_stories_appear(client, stories, url):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    # Sitemaps name stories by address, pages and feeds by headline.
    assert "Zanzibar live story" in content or "zanzibar-live" in content
    for state in HIDDEN_STATES:
        assert f"Zanzibar {state} story" not in content
        assert f"zanzibar-{state}" not in content


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_story_pages_are_not_served(client, stories, state):
    response = client.get(stories[state].get_absolute_url())
    assert response.status_code == (410 if state == "withdrawn" else 404)
    assert f"Zanzibar {state} story" not in response.content.decode()


def test_translations_of_unpublished_originals_do_not_link_them(client, stories, publish):
    french = publish(
        headline="Zanzibar en français",
        language="fr",
        translation_of=stories["draft"],
    )
    html = client.get(french.get_absolute_url()).content.decode()
    assert "zanzibar-draft" not in html
    assert "isBasedOn" not in html
    assert "translationOfWork" not in html


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_a_translation_s_ninjs_names_only_an_original_readers_may_see(
    client, stories, publish, state
):
    original = stories[state]
    original.source_id = f"wire:test:{state}"
    original.save()
    french = publish(headline="Zanzibar en français", language="fr", translation_of=original)
    item = client.get(reverse("wire:ninjs", args=[french.slug])).json()
    text = json.dumps(item)
    assert f"zanzibar-{state}" not in text and original.source_id not in text
    assert all(altid["role"] != "translation-of" for altid in item["altids"])


def test_contributors_only_on_hidden_stories_stay_out_of_the_sitemap(client, make_article):
    make_article(
        headline="Secret draft",
        credits=[("writing", "Hidden Person", "", "")],
        status="draft",
    )
    assert "hidden-person" not in client.get("/sitemap-contributors.xml").content.decode()
