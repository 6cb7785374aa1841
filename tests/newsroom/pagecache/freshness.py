"""
What the page cache tests compare: every page a story's change can affect, as a reader
gets it from the cache and as a fresh rendering gives it.

Staleness is judged against the page rendered with the cache off: after each event
every affected page must be exactly what a fresh rendering gives, and show the change.
"""

from django.test import Client
from django.urls import reverse

CREDITS = [("reporting", "Guy Faulconbridge", "Oslo", ""), ("editing", "Ed Itor", "", "")]


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
    return response.status_code, response.content.decode()


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
