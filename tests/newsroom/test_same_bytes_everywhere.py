"""
Every public page of the demo newsroom, found by following its links from the front page
(in each language, with its feeds, sitemaps and ninjs), is the same bytes for any two
anonymous readers and sets no cookie: an edge cache may keep it. Every public view of the
URL conf is among them.
"""

import io
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from articles.models import Article
from live.models import LivePost

pytestmark = pytest.mark.django_db
MOST_PAGES = 400
LINK = re.compile(r'(?:href|data-reader-values)="(/[^"#]*)|<loc>https?://[^/<]+(/[^<#]*)</loc>')
# What a live story's script asks for: its updates after the page's newest post.
LIVE = re.compile(r'data-updates="(/[^"]+)" data-cursor="([^"]+)"')
NOT_PAGES = ("/static/", "/media/", "/admin/", "/comments/")


def public_views(patterns=None, prefix=""):
    """{callback: its address pattern} of every view the URL conf marks as a public page."""
    found = {}
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            found |= public_views(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and getattr(entry.callback, "is_public_page", False):
            found[entry.callback] = prefix + str(entry.pattern)
    return found


def view_of(path):
    with translation.override("fr" if path.startswith("/fr/") else "en"):
        return resolve(path).func


def starting_points():
    yield from [
        "/",
        "/fr/",
        "/feeds/rss/",
        "/feeds/atom/",
        "/sitemap.xml",
        "/search/?q=Norway",
        "/sitemap-news.xml",
    ]
    for article in Article.objects.published():
        yield article.get_absolute_url()
    for post in LivePost.objects.visible().filter(article__in=Article.objects.published()):
        yield reverse("wire:live-post-ninjs", args=[post.article.slug, post.pk])


def crawl():
    """{path: (first answer, second answer)} of every public page reached."""
    seen, queue, answers = set(), list(starting_points()), {}
    while queue and len(answers) < MOST_PAGES:
        path = queue.pop(0)
        if path in seen or path.startswith(NOT_PAGES):
            continue
        seen.add(path)
        first = Client().get(path)
        if first.status_code != 200 or not getattr(
            view_of(urlsplit(path).path), "is_public_page", False
        ):
            continue
        answers[path] = (first, Client().get(path))
        body = first.content.decode(errors="replace")
        links = [found or loc for found, loc in LINK.findall(body)]
        links += [f"{updates}?after={cursor}" for updates, cursor in LIVE.findall(body)]
        queue += [urljoin(path, link).replace("&amp;", "&") for link in links]
    return answers


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PAGE_CACHE_SECONDS = 300
    call_command("load_demo", stdout=io.StringIO())


def test_every_public_page_is_the_same_for_any_two_readers_and_sets_no_cookie(demo):
    answers = crawl()
    differing = [path for path, (one, two) in answers.items() if one.content != two.content]
    cookies = [path for path, (one, two) in answers.items() if one.cookies or two.cookies]
    private = [path for path, (one, _) in answers.items() if "public" not in one["Cache-Control"]]
    assert (differing, cookies, private) == ([], [], [])
    reached = {view_of(urlsplit(path).path) for path in answers}
    missing = {pattern for view, pattern in public_views().items() if view not in reached}
    assert missing == set(), f"no page of these public views was reached: {missing}"
