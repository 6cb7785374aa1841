"""Our ninjs export read back: a live story comes with its posts, a section and topics by code."""

import json

import pytest
from django.urls import reverse

from articles.models import Article, Section, Topic
from live.models import LiveCoverage, LivePost
from tests.factories import contributor
from wire.importer import read_story, save_story


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
        editor,
        "<p>Trees down in <strong>Sandnes</strong>.</p>",
        credits=[
            ("reporting", contributor("Cy Dunn"), "Stavanger"),
            ("reporting", contributor("Bo Ek"), "Bergen"),
        ],
    )
    story.live_coverage.add_post(editor, "<p>Wrong town named.</p>").withdraw(editor)
    return story


def exported(client, article, version=None):
    query = {"version": version} if version else {}
    return client.get(reverse("wire:ninjs", args=[article.slug]), query).content


def imported(data, by):
    return save_story(read_story(data, "story.json"), by, publish=True).article


def posts_of(article):
    return [
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
    ]


@pytest.mark.parametrize("version", [None, "3"])
def test_a_live_story_imported_elsewhere_comes_with_its_posts(client, live, editor, version):
    data, before = exported(client, live, version), posts_of(live)
    Article.objects.all().delete()
    story = imported(data, editor)
    assert story.live_coverage.is_running
    assert posts_of(story) == before
    assert len(before) == 2  # the withdrawn post stayed behind
    assert LivePost.objects.get(article=story, title="Wind").corrected_at is not None
    page = client.get(story.get_absolute_url()).content.decode()
    assert "Trees down in <strong>Sandnes</strong>." in page


def test_our_own_live_story_read_back_adds_no_post_twice(client, live, editor):
    imported(exported(client, live), editor)
    assert LivePost.objects.filter(article=live).count() == 3


def test_the_section_maps_back_by_its_code_when_its_name_differs(client, publish, editor):
    Section.objects.create(name="Business", slug="business", position=0)
    economy = Section.objects.create(name="Economy", slug="economy", position=9)
    topic = Topic.objects.create(name="Interest rates", slug="interest-rates")
    story = publish(section=economy, headline="Rates held")
    story.topics.add(topic)
    item = json.loads(exported(client, story))
    assert item["subjects"][0] == {
        "name": "Economy",
        "rel": "section",
        "uri": "http://testserver/section/economy/",
        "literal": "economy",
    }
    assert item["subjects"][1]["literal"] == "interest-rates"
    Article.objects.all().delete()
    # Elsewhere the same section and topic go by other names.
    Section.objects.filter(pk=economy.pk).update(name="Økonomi")
    Topic.objects.filter(pk=topic.pk).update(name="Renter")
    again = imported(json.dumps(item).encode(), editor)
    assert again.section == economy
    assert list(again.topics.all()) == [topic]


def test_a_topic_the_newsroom_lacks_is_not_made_up(client, publish, editor):
    story = publish(headline="Rates held")
    story.topics.add(Topic.objects.create(name="Interest rates", slug="interest-rates"))
    data = exported(client, story)
    Article.objects.all().delete()
    Topic.objects.all().delete()
    assert list(imported(data, editor).topics.all()) == []
    assert not Topic.objects.exists()
