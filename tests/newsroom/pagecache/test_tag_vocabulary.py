"""
The page cache's tags are one vocabulary: a page or a part of one is kept only under tags
some change renews, so a misspelt tag is a page never stored (and a logged error), not a
page never refreshed.
"""

import logging
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import path

from newsroom.pagecache import kept, keyed_tag, public_page, shows
from newsroom.pagecache import tags as page_tags

story = keyed_tag("article-{}")


def misspelt(request):
    from django.http import HttpResponse

    shows(story(1), "artcle-1")
    return HttpResponse("A page naming a tag nothing renews.")


def part_misspelt(request):
    from django.http import HttpResponse

    return HttpResponse(kept("a part", ["artcle-2"], lambda: "A part under a typo."))


urlpatterns = [
    path("misspelt/", public_page(misspelt)),
    path("part/", public_page(part_misspelt)),
]


@pytest.fixture(autouse=True)
def parts_kept(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300


def test_the_vocabulary_knows_its_words_and_no_others():
    assert page_tags.unknown(["article-12", "site", "articles", "comments-3"]) == []
    assert page_tags.unknown(["article-", "artcle-12", "site-1", "article-x"]) == [
        "artcle-12",
        "article-",
        "article-x",
        "site-1",
    ]


@pytest.mark.urls(__name__)
@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/misspelt/", "/part/"])
def test_a_page_showing_an_unknown_tag_is_served_but_never_kept(url, caplog):
    with caplog.at_level(logging.ERROR, logger="newsroom.pagecache.tags"):
        first = Client().get(url)
    assert first.status_code == 200
    assert "artcle" in caplog.text and "no change renews" in caplog.text
    second = Client().get(url)
    assert second.get("X-Page-Cache") != "hit"
    assert "public" not in second["Cache-Control"]


def test_a_keyed_tag_has_one_place_for_its_key():
    with pytest.raises(ValueError):
        keyed_tag("article-{}-{}")


@pytest.fixture
def newsroom(publish, editor, moderator):
    """A story with everything a page can show: credits, a photographer's lead picture, a
    topic, a translation, a correction, a comment, live coverage, a pin and a banner."""
    from articles.models import BreakingNews, FrontPageSlot, Topic
    from live.models import LiveCoverage
    from tests.factories import add_comment, contributor, with_lead_image

    story = publish(
        headline="Harbour fraud trial opens",
        slug="harbour",
        credits=[("reporting", "Oda Lind", "Oslo", ""), ("editing", "Ed Itor", "", "")],
    )
    with_lead_image(story, photographer=contributor("Pia Holm"))
    story.topics.add(Topic.objects.create(name="Courts", slug="courts"))
    translation = story.create_translation(editor, "fr")
    translation.publish(editor)
    story.add_correction(editor, "The trial opened on Tuesday.")
    add_comment(story, text="Which court?").approve(moderator)
    LiveCoverage.start(story, editor).add_post(editor, "<p>The court is full.</p>")
    until = story.publish_at + timedelta(days=30)
    FrontPageSlot.objects.create(article=story, position=1, until=until)
    BreakingNews.objects.create(article=story, text="Verdict due", until=until)
    return story


def shown_by_pages(story):
    """Every tag the public pages showing the story name in their Surrogate-Key."""
    person = story.credits.first().contributor
    urls = [
        "/",
        "/search/?q=harbour",
        story.get_absolute_url(),
        story.section.get_absolute_url(),
        f"{story.section.get_absolute_url()}rss/",
        person.get_absolute_url(),
        f"{person.get_absolute_url()}atom/",
        "/contributor/pia-holm/",
        "/topic/courts/",
        "/topic/courts/rss/",
        "/feeds/rss/",
        "/corrections/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        f"{story.get_absolute_url()}ninjs.json",
        f"{story.get_absolute_url()}live/atom/",
    ]
    shown = set()
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 200, url
        shown.update(response["Surrogate-Key"].split())
    return shown


def renewed_by_changes(story, editor, moderator, monkeypatch):
    """Every tag the newsroom's changes renew: each kind of thing readers see, changed
    once, and everything that changes by itself, over all time."""
    from datetime import UTC, datetime

    from articles.models import CreditStyle, Place, Section
    from newsroom.pagecache import schedule

    renewed = set()
    monkeypatch.setattr(page_tags, "_new_versions", lambda tags: renewed.update(tags))
    story.refresh_from_db()
    story.edit(editor, headline="Harbour fraud trial adjourned")
    story.section.save()
    credit = story.credits.first()
    credit.save()
    credit.contributor.name = "Oda Lind-Berg"
    credit.contributor.save()
    story.lead_image.save()
    story.topics.clear()
    story.add_correction(editor, "The judge is Ahlberg.")
    story.comments.first().reject(moderator)
    story.live_coverage.add_post(editor, "<p>A recess.</p>")
    for model in (CreditStyle, Place, Section):
        model.objects.first().save()
    story.front_page_slots.first().save()
    story.breaking_news.first().save()
    story.withdraw(editor, "Legal advice")
    dawn, doom = datetime(1970, 1, 2, tzinfo=UTC), datetime(9999, 1, 1, tzinfo=UTC)
    for _, changed_between in schedule._schedules:
        renewed.update(changed_between(dawn, doom))
    return renewed


@pytest.mark.django_db
def test_every_tag_a_page_shows_is_one_a_change_renews(newsroom, editor, moderator, monkeypatch):
    shown = {page_tags.kind_of(tag) for tag in shown_by_pages(newsroom)}
    renewed = {
        page_tags.kind_of(tag)
        for tag in renewed_by_changes(newsroom, editor, moderator, monkeypatch)
    }
    assert None not in shown
    assert shown - renewed == set()
