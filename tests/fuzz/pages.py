"""
The pages a stored value must never break, for the tests of generated input: whatever an
editor or the wire saved, the article's admin page, its public page and ninjs export (when
readers may see it) and the front page still render.
"""

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from articles.models import Article


def assert_article_pages_show(article, staff):
    """Each page of the article answers as it should, never with a server error."""
    cache.clear()  # the pages are read anew, not from a copy made before the change
    article.refresh_from_db()
    change = reverse("admin:articles_article_change", args=[article.pk])
    assert staff.get(change).status_code == 200, change
    reader = Client()
    assert reader.get(reverse("articles:home")).status_code == 200
    public = Article.objects.published().filter(pk=article.pk).exists()
    for url in (
        article.get_absolute_url(),
        reverse("wire:ninjs", args=[article.slug]),
        reverse("wire:ninjs", args=[article.slug]) + "?version=3",
    ):
        status = reader.get(url).status_code
        assert status == 200 if public else status < 500, url
    if article.status == Article.Status.PUBLISHED:  # staff pass an embargoed one on
        assert staff.get(reverse("wire:ninjs", args=[article.slug])).status_code == 200
