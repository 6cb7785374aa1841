"""
One stored release moment: whatever order the newsroom sets a story's publish time, its
embargo and its state in, every surface readers and the desk see agrees on whether it
is out, and pages kept by the page cache agree with pages rendered afresh.
"""

import itertools
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ReaderState
from desk.piles import article_piles

HOUR = timedelta(hours=1)
CREDITS = [("reporting", "Oda Lind", "Oslo", "")]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def surfaces(story):
    """What readers see of the story on each surface, as (address, shows it)."""
    seen, address = {}, story.get_absolute_url()
    for url in ("/", "/feeds/rss/", "/sitemap-articles.xml", "/search/?q=zeppelin"):
        seen[url] = address in Client().get(url).content.decode()
    seen["page"] = Client().get(story.get_absolute_url()).status_code == 200
    ninjs = Client().get(reverse("wire:ninjs", args=[story.slug]))
    # A withdrawn story readers saw keeps a kill notice there: "canceled", not "usable".
    seen["ninjs"] = ninjs.status_code == 200 and ninjs.json()["pubstatus"] == "usable"
    return seen


def fresh(settings, story):
    settings.PAGE_CACHE_SECONDS = 0
    try:
        return surfaces(story)
    finally:
        settings.PAGE_CACHE_SECONDS = 300


def to_come(editor):
    """The stories in the editor's desk pile of what is scheduled or embargoed."""
    piles = {pile.title: pile for pile in article_piles(editor)}
    return {article.pk for article in piles["Scheduled and embargoed"].items}


def expected_public(story, now):
    """The rule, worked out here from the raw fields: published, and both times past."""
    return (
        story.status == Article.Status.PUBLISHED
        and story.publish_at <= now
        and (story.embargo_until is None or story.embargo_until <= now)
    )


def check_agreement(settings, story, editor, now):
    story = Article.objects.get(pk=story.pk)
    public = expected_public(story, now)
    assert story.is_public == public
    assert (story.reader_state == ReaderState.LIVE) == public
    assert Article.objects.published().filter(pk=story.pk).exists() == public
    in_sql = Article.objects.with_reader_state().get(pk=story.pk).reader_state_now
    assert in_sql == story.reader_state
    coming = story.status == Article.Status.PUBLISHED and not public
    assert (story.pk in to_come(editor)) == coming
    if coming:
        assert story.release_at == max(story.publish_at, story.embargo_until or story.publish_at)
        assert Article.objects.next_release() == story.release_at
    cached = surfaces(story)
    assert cached == fresh(settings, story), "a cached page disagrees with a fresh one"
    assert cached == dict.fromkeys(cached, public)


def publish_now(story, editor):
    story.publish(editor)


def schedule(story, editor):
    story.publish(editor, at=timezone.now() + HOUR)


def embargo(story, editor):
    Article.objects.get(pk=story.pk).edit(editor, embargo_until=timezone.now() + 2 * HOUR)


STEPS = [publish_now, schedule, embargo]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "order",
    list(itertools.permutations(STEPS)),
    ids=lambda order: "-".join(s.__name__ for s in order),
)
def test_every_surface_agrees_in_every_order(order, make_article, editor, settings, monkeypatch):
    story = make_article(headline="Zeppelin over the fjord", slug="zeppelin", credits=CREDITS)
    check_agreement(settings, story, editor, timezone.now())
    for step in order:
        story.refresh_from_db()
        if step in (publish_now, schedule) and story.is_public:
            continue  # already out: only a story still to come is published (again)
        step(story, editor)
        check_agreement(settings, story, editor, timezone.now())

    later = timezone.now() + 3 * HOUR  # past every time set above: out, without a write
    monkeypatch.setattr(timezone, "now", lambda: later)
    check_agreement(settings, story, editor, later)
    Article.objects.get(pk=story.pk).withdraw(editor, "Legal advice")
    check_agreement(settings, story, editor, later)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "write",
    [
        {"publish_at": timezone.now() + HOUR},  # moves the publish time, forgets the moment
        {"release_at": None},  # a published story without one
        {"status": Article.Status.DRAFT},  # a draft keeping one
    ],
)
def test_the_database_refuses_a_release_moment_that_is_not_one(publish, write):
    from django.db import IntegrityError, transaction

    story = publish(headline="Zeppelin over the fjord", hours_ago=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=story.pk).update(**write)
