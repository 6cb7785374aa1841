"""
Nothing stale after any change readers could notice: publishing, updates, corrections,
withdrawals, release times passing, comments closing, approved and removed comments.

Staleness is judged against the page rendered with the cache off (freshness.py).
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from comments.models import Comment
from tests.newsroom.pagecache.freshness import CREDITS, assert_fresh, pages, warm

pytestmark = pytest.mark.usefixtures("each_shared_cache")


def test_publishing_shows_everywhere_at_once(live, editor, make_article, settings):
    draft = make_article(headline="Port strike ends", slug="port-strike", credits=CREDITS)
    urls = pages(live)
    warm(urls)
    draft.publish(editor)
    bodies = assert_fresh(settings, [*urls, draft.get_absolute_url()])
    for url in (
        "/",
        "/feeds/rss/",
        "/sitemap-articles.xml",
        "/contributor/guy-faulconbridge/atom/",
    ):
        assert "port-strike" in bodies[url], url


def test_an_update_shows_everywhere_at_once(live, editor, settings):
    urls = pages(live)
    warm(urls)
    live.headline = "Harbour fraud trial adjourned"
    live.save()
    live.record_update(editor, minor=False)
    bodies = assert_fresh(settings, urls)
    for url in ("/", live.get_absolute_url(), "/feeds/atom/", "/corrections/"):
        assert "Harbour fraud trial adjourned" in bodies[url], url


def test_a_correction_shows_everywhere_at_once(live, editor, settings):
    urls = pages(live)
    warm(urls)
    live.add_correction(editor, "The trial opens on Tuesday, not Monday.")
    bodies = assert_fresh(settings, urls)
    for url in (live.get_absolute_url(), "/corrections/", "/corrections/rss/"):
        assert "not Monday" in bodies[url], url


def test_withdrawing_shows_everywhere_at_once(live, editor, make_article, settings):
    # Another story keeps the feeds' own dates fixed (an empty feed is dated "now").
    other = make_article(headline="Port strike ends", credits=CREDITS)
    other.publish(editor)
    other.add_correction(editor, "The strike lasted nine days.")
    urls = pages(live)
    warm(urls)
    live.withdraw(editor, "Legal advice")
    bodies = assert_fresh(settings, urls)
    assert Client().get(live.get_absolute_url()).status_code == 410
    for url in ("/", "/feeds/rss/", "/sitemap-articles.xml", "/corrections/"):
        assert "harbour" not in bodies[url], url


@pytest.mark.parametrize("kind", ["scheduled", "embargoed"])
def test_a_release_time_passing_shows_everywhere_without_any_write(
    live, editor, make_article, settings, monkeypatch, kind
):
    release = timezone.now() + timedelta(hours=1)
    story = make_article(headline="Budget leaked", slug="budget", credits=CREDITS)
    if kind == "embargoed":
        story.embargo_until = release
        story.save()
        story.publish(editor)
    else:
        story.publish(editor, at=release)
    urls = [*pages(live), story.get_absolute_url()]
    warm(urls)
    assert "budget" not in Client().get("/").content.decode()

    later = release + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    bodies = assert_fresh(settings, urls)
    for url in ("/", "/feeds/rss/", "/sitemap-news.xml", "/contributor/guy-faulconbridge/"):
        assert "budget" in bodies[url], url


def test_a_correction_dated_later_shows_at_its_time_without_any_write(
    live, editor, settings, monkeypatch
):
    due = timezone.now() + timedelta(hours=1)
    live.add_correction(editor, "The verdict is due on Friday.", published_at=due)
    urls = [live.get_absolute_url(), "/corrections/", "/corrections/rss/"]
    warm(urls)
    for url in urls:
        assert "due on Friday" not in Client().get(url).content.decode(), url
    later = due + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    bodies = assert_fresh(settings, urls)
    for url in urls:
        assert "due on Friday" in bodies[url], url


def test_comments_closing_by_time_shows_at_once(live, settings, monkeypatch):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 14
    urls = [live.get_absolute_url()]
    warm(urls)
    assert "Add a comment" in Client().get(live.get_absolute_url()).content.decode()
    later = live.first_published_at + timedelta(days=14, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    bodies = assert_fresh(settings, urls)
    assert "Comments are closed." in bodies[live.get_absolute_url()]


def test_approving_a_comment_shows_everywhere_at_once(live, moderator, settings):
    waiting = Comment.objects.create(
        article=live, name="Bo", email="bo@example.org", text="Which court was it?"
    )
    urls = pages(live)
    warm(urls)
    waiting.approve(moderator)
    bodies = assert_fresh(settings, urls)
    assert "Which court was it?" in bodies[live.get_absolute_url()]
    assert "2 comments" in bodies["/"]


def test_removing_a_comment_shows_everywhere_at_once(live, moderator, settings):
    comment = live.comments.get()
    urls = pages(live)
    warm(urls)
    comment.remove(moderator, "Off topic")
    bodies = assert_fresh(settings, urls)
    assert "Good." not in bodies[live.get_absolute_url()]
    assert "1 comment" not in bodies["/"]
