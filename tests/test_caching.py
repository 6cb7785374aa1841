"""
The page cache: anonymous readers share cached pages, nobody ever sees a stale one.

Staleness is judged against the page rendered with the cache off: after each event
every affected page must be exactly what a fresh rendering gives (apart from the
per-reader CSRF token and form timestamp), and show the change.
"""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from comments.models import Comment
from tests.factories import form_data

CREDITS = [("reporting", "Guy Faulconbridge", "Oslo", ""), ("editing", "Ed Itor", "", "")]
PER_READER = re.compile(r'(name="(?:csrfmiddlewaretoken|timestamp)" value=")[^"]*')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.COMMENTS_MIN_SECONDS = 0


@pytest.fixture
def live(publish, editor):
    """A published story with a credit, a correction and an approved comment."""
    article = publish(
        headline="Harbour fraud trial opens", slug="harbour", credits=CREDITS, hours_ago=2
    )
    article.add_correction(editor, "An earlier version misspelt the judge's name.")
    Comment.objects.create(
        article=article, name="Ada", email="ada@example.org", text="Good.", status="approved"
    )
    return article


def pages(article):
    """Every page a change to this story can affect."""
    return [
        "/",
        article.section.get_absolute_url(),
        article.get_absolute_url(),
        "/contributor/guy-faulconbridge/",
        "/search/?q=harbour",
        "/feeds/rss/",
        "/feeds/atom/",
        f"{article.section.get_absolute_url()}rss/",
        f"{article.section.get_absolute_url()}atom/",
        "/contributor/guy-faulconbridge/rss/",
        "/contributor/guy-faulconbridge/atom/",
        "/corrections/",
        "/corrections/rss/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-contributors.xml",
        "/sitemap-news.xml",
        reverse("wire:ninjs", args=[article.slug]),
    ]


def seen(client, url):
    response = client.get(url)
    return response.status_code, PER_READER.sub(r"\1", response.content.decode())


def warm(urls):
    for url in urls:
        Client().get(url)


def assert_fresh(settings, urls):
    cached = {url: seen(Client(), url) for url in urls}
    settings.PAGE_CACHE_SECONDS = 0
    fresh = {url: seen(Client(), url) for url in urls}
    settings.PAGE_CACHE_SECONDS = 300
    for url in urls:
        assert cached[url] == fresh[url], f"{url} is stale"
    return {url: body for url, (status, body) in cached.items()}


# Cache hits and headers


def test_anonymous_readers_share_a_cached_page(live, django_assert_num_queries):
    first = Client().get("/")
    with django_assert_num_queries(0):
        second = Client().get("/")
    assert second.content == first.content
    assert "Harbour fraud trial opens" in second.content.decode()


def test_pages_without_a_form_are_public_for_a_cdn(live, settings):
    settings.CDN_CACHE_SECONDS = 10
    for url in ("/", "/feeds/rss/", "/sitemap-articles.xml"):
        response = Client().get(url)
        control = response["Cache-Control"]
        assert "public" in control and "s-maxage=10" in control and "max-age=0" in control
        assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]


def test_a_page_with_a_form_is_private_to_each_reader(live):
    first, second = Client(), Client()
    one = first.get(live.get_absolute_url())
    two = second.get(live.get_absolute_url())
    assert "private" in two["Cache-Control"] and "public" not in two["Cache-Control"]
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.search(one.content.decode()).group(1) != token.search(two.content.decode()).group(
        1
    )
    assert "csrf-token-filled-in" not in two.content.decode()


def test_scheduled_release_limits_how_long_a_cdn_may_keep_a_page(live, editor, make_article):
    make_article(headline="Soon").publish(editor, at=timezone.now() + timedelta(seconds=5))
    control = Client().get("/")["Cache-Control"]
    s_maxage = int(re.search(r"s-maxage=(\d+)", control).group(1))
    assert s_maxage <= 5


def test_if_none_match_and_if_modified_since_answer_304(live):
    first = Client().get("/")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert Client().get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert Client().get("/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    earlier = http_date(timezone.now().timestamp() - 3600)
    assert Client().get("/", HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_a_changed_page_answers_200_to_an_old_etag(live, editor):
    etag = Client().get("/")["ETag"]
    live.add_correction(editor, "Another fix.")
    live.headline = "Harbour fraud trial adjourned"
    live.save()
    response = Client().get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Harbour fraud trial adjourned" in response.content.decode()


def test_readers_in_another_language_get_their_own_copy(live):
    english = Client().get("/", HTTP_ACCEPT_LANGUAGE="en")
    french = Client().get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert english["Content-Language"] == "en" and french["Content-Language"] == "fr"
    assert english.content != french.content


def test_switched_off_by_page_cache_seconds_zero(live, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    Client().get("/")
    with django_assert_max_num_queries(4) as captured:
        Client().get("/")
    assert len(captured) > 0


# Nothing stale after any change readers could notice


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


# Staff and commenters: never someone else's copy, never theirs for others


def test_staff_never_get_the_anonymous_copy_nor_leave_theirs(live, editor):
    url = live.get_absolute_url()
    warm([url, "/"])
    staff = Client()
    staff.force_login(editor)
    page = staff.get(url)
    assert "You are commenting as" in page.content.decode()
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert "no-store" in staff.get("/")["Cache-Control"]
    assert "You are commenting as" not in Client().get(url).content.decode()


def test_a_commenter_sees_their_waiting_comment_and_nobody_else_does(live):
    url = live.get_absolute_url()
    warm([url])
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    posted = reader.post(
        reverse("comments:post", args=[live.slug]),
        {**form_data(live, text="Waiting for a moderator."), "csrfmiddlewaretoken": token},
    )
    assert posted.status_code == 302
    own = reader.get(url)
    assert "Waiting for a moderator." in own.content.decode()
    assert "no-store" in own["Cache-Control"]
    assert "Waiting for a moderator." not in Client().get(url).content.decode()


def test_a_reader_served_a_cached_page_can_post_a_comment(live):
    url = live.get_absolute_url()
    Client().get(url)  # someone else's visit fills the cache
    reader = Client(enforce_csrf_checks=True)
    served = reader.get(url)
    assert "csrftoken" in served.cookies
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', served.content.decode()).group(
        1
    )
    posted = reader.post(
        reverse("comments:post", args=[live.slug]),
        {**form_data(live, text="Posted from a cached page."), "csrfmiddlewaretoken": token},
    )
    assert posted.status_code == 302
    assert Comment.objects.filter(text="Posted from a cached page.").exists()


def test_a_post_without_the_readers_token_is_still_refused(live):
    url = live.get_absolute_url()
    other = Client(enforce_csrf_checks=True)
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', other.get(url).content.decode()
    ).group(1)
    stranger = Client(enforce_csrf_checks=True)
    stranger.get(url)  # has a cookie of its own
    posted = stranger.post(
        reverse("comments:post", args=[live.slug]),
        {**form_data(live), "csrfmiddlewaretoken": token},
    )
    assert posted.status_code == 403


def test_a_comment_waiting_for_moderation_leaves_cached_pages_alone(
    live, django_assert_num_queries
):
    url = live.get_absolute_url()
    warm([url, "/"])
    reader = Client()
    reader.post(reverse("comments:post", args=[live.slug]), form_data(live, text="New here."))
    assert Comment.objects.get(text="New here.").status == Comment.Status.PENDING
    with django_assert_num_queries(0):
        Client().get(url)
        Client().get("/")
