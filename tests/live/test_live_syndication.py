"""A live story beyond its page: JSON-LD LiveBlogPosting, the Atom feed of posts, ninjs."""

import json

import feedparser
import pytest
from django.urls import reverse

from live.models import LiveCoverage
from tests.factories import contributor, jpeg, schema_errors


@pytest.fixture
def live(publish, editor):
    story = publish(headline="Storm reaches the coast", slug="storm-live")
    LiveCoverage.start(story, editor)
    story.live_coverage.add_post(
        editor,
        "<p>Wind picks up.</p>",
        title="Wind",
        credits=[("reporting", contributor("Bo Ek"), "Bergen")],
    ).correct(editor, "Gusts of 120 km/h, not 210.")
    story.live_coverage.add_post(
        editor, "<p>Trees down.</p>", image=jpeg(400, 300), image_alt="A fallen tree"
    )
    story.live_coverage.add_post(editor, "<p>Wrong town named.</p>", title="Mistake").withdraw(
        editor
    )
    return story


def json_ld(html):
    return json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>")[0])


def test_json_ld_is_a_live_blog_posting_without_withdrawn_posts(client, live, editor):
    data = json_ld(client.get(live.get_absolute_url()).content.decode())
    assert data["@type"] == "LiveBlogPosting"
    assert data["coverageStartTime"] == live.live_coverage.started_at.isoformat()
    assert "coverageEndTime" not in data
    updates = data["liveBlogUpdate"]
    assert [u["articleBody"] for u in updates] == ["Trees down.", "Wind picks up."]
    assert updates[1]["author"][0]["name"] == "Bo Ek"
    assert updates[1]["correction"]["text"] == "Gusts of 120 km/h, not 210."
    assert updates[0]["image"].startswith("http://testserver/media/renditions/")
    assert all(u["@type"] == "BlogPosting" and "#post-" in u["url"] for u in updates)
    live.live_coverage.end(editor)
    data = json_ld(client.get(live.get_absolute_url()).content.decode())
    assert data["coverageEndTime"] == live.live_coverage.ended_at.isoformat()


def test_a_story_never_live_stays_a_news_article(client, publish):
    story = publish(slug="plain")
    data = json_ld(client.get(story.get_absolute_url()).content.decode())
    assert data["@type"] == "NewsArticle" and "liveBlogUpdate" not in data


def test_the_atom_feed_lists_the_posts_newest_first_without_withdrawn(client, live):
    page = client.get(live.get_absolute_url()).content.decode()
    url = reverse("live:feed", args=[live.slug])
    assert f'href="{url}"' in page
    feed = feedparser.parse(client.get(url).content)
    assert feed.feed.title == "Storm reaches the coast" and not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Trees down.", "Wind"]
    assert feed.entries[1].author == "Bo Ek"
    assert feed.entries[1].link.endswith(
        f"{live.get_absolute_url()}#post-{live.live_posts.last().pk}"
    )


def test_no_feed_for_a_story_that_is_not_live(client, publish):
    story = publish(slug="plain")
    assert client.get(reverse("live:feed", args=[story.slug])).status_code == 404


def test_ninjs_of_the_story_carries_its_posts(client, live):
    item = client.get(reverse("wire:ninjs", args=[live.slug])).json()
    assert schema_errors(item) == []
    posts = [a for a in item["associations"] if a["name"].startswith("post-")]
    assert [p["bodies"][0]["value"] for p in posts] == ["Trees down.", "Wind picks up."]
    assert "Wrong town named." not in json.dumps(item)


def test_ninjs_of_each_post_and_a_kill_notice_for_a_withdrawn_one(client, live):
    wind = live.live_posts.get(title="Wind")
    item = client.get(reverse("wire:live-post-ninjs", args=[live.slug, wind.pk])).json()
    assert schema_errors(item) == []
    assert item["by"] == "(Reporting by Bo Ek in Bergen)" and item["located"] == "Bergen"
    assert item["descriptions"][0]["value"] == "Gusts of 120 km/h, not 210."
    assert item["pubstatus"] == "usable" and item["version"] == "2"
    mistake = live.live_posts.get(title="Mistake")
    url = reverse("wire:live-post-ninjs", args=[live.slug, mistake.pk])
    killed = client.get(url).json()
    assert schema_errors(killed) == []
    assert killed["pubstatus"] == "canceled" and "Wrong town" not in json.dumps(killed)
    assert client.get(reverse("wire:live-post-ninjs", args=[live.slug, 99999])).status_code == 404


def test_the_atom_feed_s_entry_ids_are_full_addresses(client, live):
    feed = feedparser.parse(client.get(reverse("live:feed", args=[live.slug])).content)
    assert [entry.id for entry in feed.entries] == [entry.link for entry in feed.entries]
    assert all(entry.id.startswith("http://testserver/articles/") for entry in feed.entries)


def test_the_live_blog_s_authors_are_the_reporters_credited_on_its_posts(client, live, editor):
    live.live_coverage.add_post(
        editor, "<p>Calm again.</p>", credits=[("reporting", contributor("Cy Dunn"), "Bergen")]
    ).withdraw(editor)  # a withdrawn post credits nobody
    data = json_ld(client.get(live.get_absolute_url()).content.decode())
    assert data["author"] == [
        {"@type": "Person", "name": "Bo Ek", "url": "http://testserver/contributor/bo-ek/"}
    ]
