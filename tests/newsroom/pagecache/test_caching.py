"""
The page cache: anonymous readers share cached pages, nobody ever sees a stale one.

Staleness is judged against the page rendered with the cache off: after each event
every affected page must be exactly what a fresh rendering gives (apart from the
per-reader CSRF token and form timestamp), and show the change.
"""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from comments.forms import TIMESTAMP_SALT
from comments.models import Comment
from tests.factories import form_data, make_section

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
    english = Client().get("/", HTTP_ACCEPT_LANGUAGE="fr")
    french = Client().get("/fr/", HTTP_ACCEPT_LANGUAGE="en")
    assert english["Content-Language"] == "en" and french["Content-Language"] == "fr"
    assert english.content != french.content
    # Served from the cache, each address keeps its own language.
    again = Client().get("/fr/", HTTP_ACCEPT_LANGUAGE="en")
    assert again["X-Page-Cache"] == "hit" and again.content == french.content


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


class Clock:
    """The comment form's clock, moved by hand."""

    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


def form_time(page):
    value = re.search(r'name="timestamp" value="([^"]+)"', page.content.decode()).group(1)
    return signing.loads(value, salt=TIMESTAMP_SALT)["t"]


def test_each_reader_of_a_cached_page_gets_their_own_form_time(live, monkeypatch):
    clock = Clock(1_800_000_000)
    monkeypatch.setattr("comments.forms.time", clock)
    url = live.get_absolute_url()
    first = Client().get(url)
    clock.now += 100
    second = Client().get(url)
    assert (form_time(first), form_time(second)) == (1_800_000_000, 1_800_000_100)
    assert "per-reader-" not in second.content.decode()
    assert "private" in second["Cache-Control"]


def test_a_bot_posting_at_once_from_a_page_cached_long_ago_is_refused(live, settings, monkeypatch):
    settings.COMMENTS_MIN_SECONDS = 3
    clock = Clock(1_800_000_000)
    monkeypatch.setattr("comments.forms.time", clock)
    url = live.get_absolute_url()
    Client().get(url)  # someone's visit cached the page a minute ago
    clock.now += 60
    bot = Client()
    page = bot.get(url).content.decode()
    timestamp = re.search(r'name="timestamp" value="([^"]+)"', page).group(1)
    clock.now += 0.5
    posted = bot.post(
        reverse("comments:post", args=[live.slug]),
        {**form_data(live, text="Buy now."), "timestamp": timestamp},
    )
    assert "That was quick!" in posted.content.decode()
    assert not Comment.objects.filter(text="Buy now.").exists()


def test_a_reader_cannot_type_a_placeholder_for_the_cache_to_fill(live, settings):
    typed = "per-reader-0123456789abcdef0123:comment-form-time:abc:"
    Comment.objects.create(
        article=live, name="Eve", email="eve@example.org", text=typed, status="approved"
    )
    for _ in range(2):
        response = Client().get(live.get_absolute_url())
        assert response.status_code == 200
        assert typed in response.content.decode()


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


# Each change ends only the pages that show it


@pytest.fixture
def elsewhere(publish):
    """A story in another section, sharing nothing with `live`."""
    return publish(
        headline="Orchard harvest starts early",
        slug="orchard",
        section=make_section("Science", "science"),
        credits=[("reporting", "Ola Nordmann", "Bergen", "")],
    )


def served_from_cache(url):
    return Client().get(url)["X-Page-Cache"] == "hit"


def test_a_change_to_one_story_leaves_other_stories_pages_cached(
    live, elsewhere, editor, moderator, django_assert_num_queries
):
    theirs = [elsewhere.get_absolute_url(), elsewhere.section.get_absolute_url()]
    warm([*theirs, live.get_absolute_url()])
    live.headline = "Harbour fraud trial adjourned"
    live.save()
    live.record_update(editor, minor=False)
    live.add_correction(editor, "The judge's name is spelt Ahlberg.")
    Comment.objects.create(
        article=live, name="Bo", email="bo@example.org", text="Which court?"
    ).approve(moderator)
    with django_assert_num_queries(0):
        assert all(served_from_cache(url) for url in theirs)
    assert not served_from_cache(live.get_absolute_url())


def edited_while_rendering(monkeypatch, story):
    """Each render of an article page saves ``story`` halfway, as a busy desk would."""
    from articles.views import ArticleDetailView

    render = ArticleDetailView.get_context_data

    def get_context_data(view, **kwargs):
        story.headline += "!"
        story.save()
        return render(view, **kwargs)

    monkeypatch.setattr(ArticleDetailView, "get_context_data", get_context_data)


def test_a_page_rendered_while_another_story_changes_is_kept(live, elsewhere, monkeypatch):
    edited_while_rendering(monkeypatch, elsewhere)
    assert Client().get(live.get_absolute_url())["X-Page-Cache"] == "miss"
    assert served_from_cache(live.get_absolute_url())


def test_a_page_rendered_while_its_story_changes_is_not_kept(live, monkeypatch):
    edited_while_rendering(monkeypatch, live)
    assert Client().get(live.get_absolute_url())["X-Page-Cache"] == "miss"
    assert not served_from_cache(live.get_absolute_url())


def test_editing_a_story_leaves_the_schedule_alone_unless_its_release_moves(
    live, elsewhere, publish, django_assert_num_queries
):
    scheduled = publish(headline="Budget day", slug="budget", hours_ago=-5)
    warm([elsewhere.get_absolute_url()])
    live.headline = "Harbour fraud trial adjourned"
    live.save()
    with django_assert_num_queries(0):  # no look at the schedule before the hit
        assert served_from_cache(elsewhere.get_absolute_url())
    scheduled.publish_at = timezone.now() + timedelta(hours=1)  # brought forward
    scheduled.save()
    with CaptureQueriesContext(connection) as looked:
        assert served_from_cache(elsewhere.get_absolute_url())
    assert looked.captured_queries, "a new release time is looked at before the next hit"


def test_a_comment_ends_the_pages_showing_it_or_its_count_only(live, publish, moderator, settings):
    neighbour = publish(headline="Second harbour story", slug="neighbour", hours_ago=1)
    # The neighbour's page lists `live` among related stories, without its comment count.
    assert (
        "Harbour fraud trial opens" in Client().get(neighbour.get_absolute_url()).content.decode()
    )
    urls = [neighbour.get_absolute_url(), live.get_absolute_url(), "/"]
    warm(urls)
    Comment.objects.create(
        article=live, name="Bo", email="bo@example.org", text="Which court?"
    ).approve(moderator)
    assert served_from_cache(neighbour.get_absolute_url())
    bodies = assert_fresh(settings, [live.get_absolute_url(), "/"])
    assert "Which court?" in bodies[live.get_absolute_url()] and "2 comments" in bodies["/"]


def test_renaming_a_contributor_reaches_every_page_naming_them(live, settings):
    urls = pages(live)
    warm(urls)
    guy = live.credits.get(role="reporting").contributor
    guy.name = "Guy Faulconbridge-Lee"
    guy.save()
    bodies = assert_fresh(settings, urls)
    for url in (live.get_absolute_url(), "/contributor/guy-faulconbridge/", "/feeds/rss/"):
        assert "Guy Faulconbridge-Lee" in bodies[url], url


def test_renaming_a_section_reaches_every_page(live, elsewhere, settings):
    urls = [*pages(live), elsewhere.get_absolute_url()]
    warm(urls)
    live.section.name = "Worldwide"
    live.section.save()
    bodies = assert_fresh(settings, urls)
    assert "Worldwide" in bodies[elsewhere.get_absolute_url()]  # in the navigation


def test_a_credit_style_change_reaches_the_credit_lines(live, settings):
    from articles.models import CreditPhrase

    urls = [live.get_absolute_url(), "/feeds/atom/"]
    warm(urls)
    CreditPhrase.objects.filter(style__name="English wire", role="reporting").update(
        label="Reported by"
    )
    CreditPhrase.objects.filter(style__name="English wire", role="reporting").first().save()
    bodies = assert_fresh(settings, urls)
    assert "(Reported by Guy Faulconbridge in Oslo" in bodies[live.get_absolute_url()]


def test_a_new_credit_reaches_the_contributors_pages(live, settings):
    from articles.models import Credit, Role
    from tests.factories import contributor

    urls = [*pages(live), "/contributor/ola-nordmann/"]
    ola = contributor("Ola Nordmann")
    warm(urls)
    Credit.objects.create(article=live, contributor=ola, role=Role.PHOTOGRAPHY, position=5)
    bodies = assert_fresh(settings, urls)
    assert "harbour" in bodies["/contributor/ola-nordmann/"]
    assert "ola-nordmann" in bodies["/sitemap-contributors.xml"]


def test_moving_a_story_reaches_both_sections(live, elsewhere, settings):
    urls = [live.section.get_absolute_url(), elsewhere.section.get_absolute_url()]
    warm(urls)
    live.section = elsewhere.section
    live.save()
    bodies = assert_fresh(settings, urls)
    assert "harbour" in bodies[elsewhere.section.get_absolute_url()]
    assert "harbour" not in bodies[urls[0]]


def test_a_published_translation_reaches_its_original(live, translator, editor, settings):
    warm([live.get_absolute_url()])
    french = live.create_translation(translator, "fr")
    assert served_from_cache(live.get_absolute_url())  # a draft shows nowhere
    french.publish(editor)
    body = assert_fresh(settings, [live.get_absolute_url()])[live.get_absolute_url()]
    assert 'hreflang="fr"' in body


# What a cached page carries


def test_a_hit_carries_the_headers_of_a_rendered_page(live):
    url = live.get_absolute_url()
    rendered = Client().get(url)
    hit = Client().get(url)
    assert (rendered["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "Cross-Origin-Opener-Policy",
        "Content-Language",
        "Content-Type",
    ):
        assert hit[header] == rendered[header], header
    assert f"article-{live.pk}" in hit["Surrogate-Key"].split()
    assert f"comments-{live.pk}" in hit["Cache-Tag"].split(",")


PURGED = []


def remember_purge(tags):
    PURGED.append(set(tags))


def test_a_cdn_is_told_which_tags_changed(
    live, editor, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_PURGE = "tests.newsroom.pagecache.test_caching.remember_purge"
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        live.add_correction(editor, "Another fix.")
    assert {f"article-{live.pk}", "corrections"} <= set().union(*PURGED)
    control = Client().get("/feeds/rss/")["Cache-Control"]
    assert f"s-maxage={settings.PAGE_CACHE_SECONDS}" in control  # it is told: it may keep pages


def test_a_stale_page_being_rendered_elsewhere_is_not_waited_for_forever(live, settings):
    from django.core.cache import cache

    url = live.get_absolute_url()
    Client().get(url)
    live.headline = "Harbour fraud trial adjourned"
    live.save()
    settings.PAGE_CACHE_WAIT_SECONDS = 0
    key = next(k for k in cache._cache if ":pages:page:" in k and not k.endswith(":rendering"))
    cache.set(key.split(":", 2)[2] + ":rendering", 1, 30)  # another worker's render
    response = Client().get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Harbour fraud trial adjourned" in response.content.decode()
