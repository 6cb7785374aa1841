"""
Every demo story a partner can get, exported as ninjs 2.2 and as 3.1 and imported into a
newsroom without its articles, comes back as it was: headline, body, credits, places,
language, section, topics, the original of a translation and a live story's posts.

A withdrawn story's ninjs is a kill notice, which carries nothing to come back.
"""

import json

import pytest

from articles.models import Article, Topic
from live.models import LivePost
from wire.importer import read_story, save_story, wire_desk_user

LIVE_STORY = "storm-ingrid-live"


@pytest.fixture
def with_topics(demo):
    """Topics on a story, its translation and the live story: the demo has none."""
    harbours = Topic.objects.create(name="Borders", slug="borders")
    storms = Topic.objects.create(name="Weather", slug="weather")
    for slug, topics in (
        ("former-wagner-commander-asks-norway-for-asylum", [harbours]),
        ("un-ancien-commandant-de-wagner-demande-l-asile-en-norvege", [harbours]),
        (LIVE_STORY, [storms, harbours]),
        ("nordic-central-banks-hold-rates", [storms]),
    ):
        Article.objects.get(slug=slug).topics.add(*topics)


def what_readers_get(article):
    original = article.translation_of
    return {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "body": article.body,
        "credits": article.credit_tuples(),
        "dateline": (article.dateline_place, article.dateline_agency),
        "language": article.language,
        "section": article.section.slug,
        "topics": sorted(article.topics.values_list("slug", flat=True)),
        "translation of": original.headline if original else None,
        "posts": [
            (
                post.posted_at,
                post.title,
                post.body,
                post.correction,
                [(c.role, c.contributor.name, c.place) for c in post.credits.all()],
            )
            for post in LivePost.objects.filter(article=article, withdrawn_at=None)
            .order_by("posted_at")
            .prefetch_related("credits__contributor")
        ],
    }


@pytest.mark.parametrize("version", [None, "3"])
def test_every_demo_story_comes_back_from_its_ninjs(with_topics, demo_exports, version):
    items = {
        slug: item
        for slug, item in demo_exports(version).items()
        if item.get("pubstatus", item.get("pubStatus")) != "canceled"
    }
    before = {slug: what_readers_get(Article.objects.get(slug=slug)) for slug in items}
    assert before[LIVE_STORY]["posts"] and before[LIVE_STORY]["topics"]
    assert any(story["translation of"] for story in before.values())
    Article.objects.all().delete()

    # Originals first, so that a translation finds the story it is a translation of.
    def is_translation(item):
        ids = item.get("altids", item.get("altIds", []))
        return any(a["role"] == "translation-of" for a in ids)

    after = {}
    by = wire_desk_user()
    for slug, item in sorted(items.items(), key=lambda pair: is_translation(pair[1])):
        story = read_story(json.dumps(item).encode(), f"{slug}.json")
        after[slug] = what_readers_get(save_story(story, by, publish=True).article)
    assert after == before
