"""Topics: what stories are about across sections, with their pages, feeds and related stories."""

import json
import re

import feedparser
import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Section, Topic
from tests.factories import schema_errors


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def elections(db):
    return Topic.objects.create(name="Elections", slug="elections", names={"fr": "Élections"})


@pytest.fixture
def climate(db):
    return Topic.objects.create(name="Climate", slug="climate")


def test_a_topic_page_lists_its_stories_from_every_section(client, publish, elections):
    sport = Section.objects.create(name="Sport", slug="sport")
    vote = publish(headline="Polls open in Oslo")
    vote.topics.add(elections)
    elsewhere = publish(headline="Football vote delayed", section=sport)
    elsewhere.topics.add(elections)
    publish(headline="Harbour reopens")
    html = text(client.get("/topic/elections/"))
    assert "<h1>Elections</h1>" in html
    assert "Polls open in Oslo" in html and "Football vote delayed" in html
    assert "Harbour reopens" not in html
    assert "<h1>Élections</h1>" in text(client.get("/fr/topic/elections/"))


def test_an_unknown_topic_is_not_found(client, db):
    assert client.get("/topic/nothing/").status_code == 404


def test_topic_feeds_carry_its_stories(client, publish, elections):
    vote = publish(headline="Polls open in Oslo")
    vote.topics.add(elections)
    publish(headline="Harbour reopens")
    for kind in ("rss", "atom"):
        feed = feedparser.parse(text(client.get(f"/topic/elections/{kind}/")))
        assert [entry.title for entry in feed.entries] == ["Polls open in Oslo"]
    assert 'href="/topic/elections/rss/"' in text(client.get("/topic/elections/"))


def test_the_story_links_its_topics(client, publish, elections):
    vote = publish(headline="Polls open in Oslo")
    vote.topics.add(elections)
    html = text(client.get(vote.get_absolute_url()))
    assert '<a class="topic-link" href="/topic/elections/">Elections</a>' in html


def test_json_ld_and_ninjs_name_the_topics(client, publish, elections, climate):
    vote = publish(headline="Polls open in Oslo")
    vote.topics.add(elections, climate)
    html = text(client.get(vote.get_absolute_url()))
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["keywords"] == ["Climate", "Elections"]
    assert {
        "@type": "Thing",
        "name": "Elections",
        "url": "http://testserver/topic/elections/",
    } in data["about"]
    item = client.get(reverse("wire:ninjs", args=[vote.slug])).json()
    about = [s for s in item["subjects"] if s["rel"] == "about"]
    assert [s["name"] for s in about] == ["Climate", "Elections"]
    assert schema_errors(item) == []


def test_related_stories_share_topics_before_section(client, publish, elections, climate):
    story = publish(headline="Polls open in Oslo", hours_ago=5)
    story.topics.add(elections, climate)
    other = Section.objects.create(name="Science", slug="science")
    both = publish(headline="Both topics elsewhere", section=other, hours_ago=9)
    both.topics.add(elections, climate)
    one = publish(headline="One topic elsewhere", section=other, hours_ago=8)
    one.topics.add(climate)
    neighbour = publish(headline="Same section only", hours_ago=1)
    publish(headline="Unrelated elsewhere", section=other, hours_ago=1)
    html = text(client.get(story.get_absolute_url()))
    aside = html[html.index('id="related-title"') :]
    positions = [aside.index(a.headline) for a in (both, one, neighbour)]
    assert positions == sorted(positions)
    assert "Unrelated elsewhere" not in aside


def test_related_stories_sharing_as_many_topics_come_from_the_same_section_first(
    client, publish, climate
):
    story = publish(headline="Polls open in Oslo", hours_ago=5)
    story.topics.add(climate)
    other = Section.objects.create(name="Science", slug="science")
    elsewhere = publish(headline="Climate elsewhere", section=other, hours_ago=1)
    here = publish(headline="Climate here", hours_ago=30)
    newest_here = publish(headline="Newest here", hours_ago=2)
    for shared in (elsewhere, here):
        shared.topics.add(climate)
    html = text(client.get(story.get_absolute_url()))
    aside = html[html.index('id="related-title"') :]
    positions = [aside.index(a.headline) for a in (here, elsewhere, newest_here)]
    assert positions == sorted(positions)


def test_a_topic_added_or_an_edit_changes_the_cached_related_stories_as_it_should(
    publish, climate, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    story = publish(headline="Polls open in Oslo")
    other = Section.objects.create(name="Science", slug="science")
    glacier = publish(headline="Glacier retreats", section=other)
    glacier.topics.add(climate)

    def related():
        html = Client().get(story.get_absolute_url()).content.decode()
        return html[html.index('id="related-title"') :] if 'id="related-title"' in html else ""

    assert "Glacier retreats" not in related()
    story.topics.add(climate)
    assert "Glacier retreats" in related()
    story.headline = "Polls close in Oslo"
    story.save()
    glacier.headline = "Glacier retreats faster"
    glacier.save()
    assert "Glacier retreats faster" in related()
    story.topics.remove(climate)
    assert "Glacier retreats" not in related()


def test_adding_a_topic_ends_the_cached_topic_page_and_story(publish, elections):
    vote = publish(headline="Polls open in Oslo")
    assert "Polls open" not in Client().get("/topic/elections/").content.decode()
    Client().get(vote.get_absolute_url())
    vote.topics.add(elections)
    assert "Polls open" in Client().get("/topic/elections/").content.decode()
    assert "topic-link" in Client().get(vote.get_absolute_url()).content.decode()
    vote.topics.clear()
    assert "Polls open" not in Client().get("/topic/elections/").content.decode()
    elections.articles.add(vote)  # from the topic's side too
    assert "Polls open" in Client().get("/topic/elections/").content.decode()


def test_a_renamed_topic_ends_the_pages_showing_it(publish, elections):
    vote = publish(headline="Polls open in Oslo")
    vote.topics.add(elections)
    assert ">Elections</a>" in Client().get(vote.get_absolute_url()).content.decode()
    elections.name = "Votes"
    elections.save()
    assert ">Votes</a>" in Client().get(vote.get_absolute_url()).content.decode()


def test_topics_are_chosen_on_the_article_page_and_named_per_language(client, make_user, db):
    client.force_login(make_user("boss", is_superuser=True))
    response = client.post(
        "/admin/articles/topic/add/",
        {"name": "Elections", "slug": "elections", "description": "", "name_fr": "Élections"},
    )
    assert response.status_code == 302
    assert Topic.objects.get().names == {"fr": "Élections"}


def test_the_sitemap_lists_topics_with_published_stories_in_each_language(
    client, publish, elections, climate
):
    publish(headline="Polls open in Oslo").topics.add(elections)
    xml = text(client.get("/sitemap-topics.xml"))
    assert "http://testserver/topic/elections/" in xml
    assert "http://testserver/fr/topic/elections/" in xml
    assert "/topic/climate/" not in xml
    assert "sitemap-topics.xml" in text(client.get("/sitemap.xml"))
