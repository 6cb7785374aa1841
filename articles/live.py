"""
Live coverage for readers: the posts on the story's page (newest first, paged by time),
the updates endpoint the page's script polls, and the Atom feed of the posts.

The updates endpoint is a public page like any other: the cursor is in its address, so
every reader at that cursor gets the same bytes (a CDN may keep them), with an ETag for
``If-None-Match``; a new post renews the story's tag and so ends every cached answer.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.views import View

from .html import html_to_text
from .models import Article, LiveCursor, LivePost

PAGE_SIZE = 20
KEY_POINTS = 10
# More new posts than this since a reader's cursor: the page asks them to reload instead.
UPDATES_AT_MOST = 50
FEED_SIZE = 50


def visible_posts(article):
    return (
        LivePost.objects.filter(article=article)
        .visible()
        .with_credits()
        .select_related("broken_out_to")
    )


def attached(posts, article):
    """The posts, each knowing its story without loading it again (credit style, address)."""
    posts = list(posts)
    for post in posts:
        post.article = article
    return posts


def _cursor(request, name):
    text = request.GET.get(name)
    if text is None:
        return None
    try:
        return LiveCursor.parse(text)
    except ValueError as error:
        raise BadRequest(str(error)) from None


def page_context(request, article):
    """What the story's page shows of its live coverage: one page of posts, key points."""
    posts = visible_posts(article)
    before = _cursor(request, "before")
    page = posts.filter(before.before_q()) if before else posts
    page = attached(page[: PAGE_SIZE + 1], article)
    older = page[PAGE_SIZE - 1].cursor if len(page) > PAGE_SIZE else None
    page = page[:PAGE_SIZE]
    newest = page[0] if page and before is None else None
    if newest is None and before is None:
        newest_cursor = LiveCursor(article.coverage_started_at, 0)
    else:
        newest_cursor = newest.cursor if newest else None
    return {
        "posts": page,
        "key_points": attached(posts.filter(pinned=True)[:KEY_POINTS], article),
        "older": older,
        "is_first_page": before is None,
        "cursor": newest_cursor,
        "poll_seconds": settings.LIVE_POLL_SECONDS,
    }


class LiveUpdatesView(View):
    """New posts since a cursor, as JSON: their HTML, how many, and whether coverage ended."""

    def get(self, request, slug):
        article = get_object_or_404(
            Article.objects.published().filter(coverage_started_at__isnull=False), slug=slug
        )
        cursor = _cursor(request, "after")
        if cursor is None:
            raise BadRequest("Say which posts you have: ?after=<cursor> from the page.")
        fresh = visible_posts(article).filter(cursor.after_q())
        new = attached(fresh[: UPDATES_AT_MOST + 1], article)
        answer = {
            "count": len(new),
            "cursor": str(new[0].cursor if new else cursor),
            "ended": not article.coverage_is_running,
            "posts": [],
            "reload": len(new) > UPDATES_AT_MOST,
        }
        if answer["reload"]:
            answer["count"] = fresh.count()
        if article.coverage_ended_at:
            answer["ended_at"] = article.coverage_ended_at.isoformat()
        if not answer["reload"]:
            with translation.override(article.language):
                answer["posts"] = [
                    render_to_string(
                        "articles/includes/live_post.html", {"post": post, "article": article}
                    )
                    for post in new
                ]
        response = JsonResponse(answer, json_dumps_params={"ensure_ascii": False})
        response.headers["Content-Language"] = article.language
        return response


class LivePostsFeed(Feed):
    """The posts of one live story, newest first, as Atom; withdrawn posts are not in it."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(
            Article.objects.published().filter(coverage_started_at__isnull=False), slug=slug
        )

    def title(self, obj):
        return obj.headline

    def subtitle(self, obj):
        return obj.standfirst

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_url(self, obj):
        return f"{obj.get_absolute_url()}live/atom/"

    def items(self, obj):
        return attached(visible_posts(obj)[:FEED_SIZE], obj)

    def item_title(self, item):
        return item.title or html_to_text(item.body).split("\n")[0][:120]

    def item_description(self, item):
        return item.body

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.posted_at

    def item_updateddate(self, item):
        return item.corrected_at or item.posted_at

    def item_author_name(self, item):
        return ", ".join(credit.contributor.name for credit in item.credits.all()) or None
