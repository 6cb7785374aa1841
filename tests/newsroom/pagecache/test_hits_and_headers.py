"""
The page cache: anonymous readers share cached pages, with the headers a rendered page
has, and a CDN is told what it may keep and which tags changed.
"""

import re
from datetime import timedelta

from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

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


def test_scheduled_release_limits_how_long_a_cdn_may_keep_a_page(live, editor, make_article):
    make_article(headline="Soon").publish(editor, at=timezone.now() + timedelta(seconds=5))
    control = Client().get("/")["Cache-Control"]
    s_maxage = int(re.search(r"s-maxage=(\d+)", control).group(1))
    assert s_maxage <= 5
    # Nor served stale past the release while the edge fetches the page again.
    assert "stale-while-revalidate" not in control and "stale-if-error" in control


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
    settings.PAGE_CACHE_PURGE = "tests.newsroom.pagecache.test_hits_and_headers.remember_purge"
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
