"""Every demo story a partner can get, in each state, is valid ninjs by IPTC's own schema."""

from django.urls import reverse

from articles.models import Article
from tests.factories import schema_errors

LIVE_STORY = "storm-ingrid-live"
TRANSLATION = "un-ancien-commandant-de-wagner-demande-l-asile-en-norvege"


def test_every_demo_story_as_ninjs_2_2_validates_against_the_2_2_schema(demo_exports):
    items = demo_exports()
    errors = {slug: schema_errors(item, "2.2") for slug, item in items.items()}
    assert {slug: found for slug, found in errors.items() if found} == {}
    # Each state a partner can meet: readable, held for its time, killed.
    assert {item["pubstatus"] for item in items.values()} == {"usable", "withheld", "canceled"}
    assert {
        "role": "translation-of",
        "value": items[TRANSLATION]["uri"].replace(
            TRANSLATION, "former-wagner-commander-asks-norway-for-asylum"
        ),
    } in items[TRANSLATION]["altids"]
    posts = [a for a in items[LIVE_STORY]["associations"] if a["name"].startswith("post-")]
    assert len(posts) == 20
    assert all(item["standard"]["version"] == "2.2" for item in items.values())


def test_every_demo_story_as_ninjs_3_validates_against_the_3_1_schema(demo_exports):
    items = demo_exports(version="3")
    errors = {slug: schema_errors(item, "3.1") for slug, item in items.items()}
    assert {slug: found for slug, found in errors.items() if found} == {}
    assert items.keys() == demo_exports().keys()
    assert {item["pubStatus"] for item in items.values()} == {"usable", "withheld", "canceled"}
    assert all(item["standard"]["version"] == "3.1" for item in items.values())
    story = items["nordic-central-banks-hold-rates"]
    assert story["versionCreated"] and story["infoSources"][0]["name"] == "Andrei Ostroukh"
    assert "embargoedUntil" in items["trade-figures-under-embargo"]
    post = next(a for a in items[LIVE_STORY]["associations"] if a["name"].startswith("post-"))
    assert post["standard"]["version"] == "3.1" and post["bodies"][0]["contentType"]


def test_a_post_of_a_live_story_as_ninjs_3(demo, client):
    story = Article.objects.get(slug=LIVE_STORY)
    post = story.live_posts.order_by("posted_at").first()
    url = reverse("wire:live-post-ninjs", args=[story.slug, post.pk])
    item = client.get(url, {"version": "3"}).json()
    assert schema_errors(item, "3.1") == []
    assert item["headlines"][0]["value"] == "Red warning issued"


def test_the_page_cache_keeps_each_version_apart(demo, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = reverse("wire:ninjs", args=["nordic-central-banks-hold-rates"])
    assert client.get(url).json()["standard"]["version"] == "2.2"
    assert client.get(url, {"version": "3"}).json()["standard"]["version"] == "3.1"
    assert client.get(url).json()["standard"]["version"] == "2.2"
