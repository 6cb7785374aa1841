"""
Live coverage for machines: the updates endpoint the story page's script polls, and the
Atom feed of the posts (the posts on the page itself: posts.py and the live_tags).

The updates endpoint is a public page like any other: the cursor is in its address, so
every reader at that cursor gets the same bytes (a CDN may keep them), with an ETag for
``If-None-Match``; a new post renews the story's tag and so ends every cached answer.
"""

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.views import View

from articles.html import html_to_text
from articles.models import Article

from .posts import attached, cursor_in, visible_posts

# More new posts than this since a reader's cursor: the page asks them to reload instead.
UPDATES_AT_MOST = 50
FEED_SIZE = 50


def live_stories():
    """Stories readers may see that are, or were, covered live; each with its coverage."""
    return (
        Article.objects.published()
        .filter(live_coverage__isnull=False)
        .select_related("live_coverage")
    )


class LiveUpdatesView(View):
    """New posts since a cursor, as JSON: their HTML, how many, and whether coverage ended."""

    def get(self, request, slug):
        article = get_object_or_404(live_stories(), slug=slug)
        coverage = article.live_coverage
        cursor = cursor_in(request, "after")
        if cursor is None:
            raise BadRequest("Say which posts you have: ?after=<cursor> from the page.")
        fresh = visible_posts(article).filter(cursor.after_q())
        new = attached(fresh[: UPDATES_AT_MOST + 1], article)
        answer = {
            "count": len(new),
            "cursor": str(new[0].cursor if new else cursor),
            "ended": not coverage.is_running,
            "posts": [],
            "reload": len(new) > UPDATES_AT_MOST,
        }
        if answer["reload"]:
            answer["count"] = fresh.count()
        if coverage.ended_at:
            answer["ended_at"] = coverage.ended_at.isoformat()
        if not answer["reload"]:
            with translation.override(article.language):
                answer["posts"] = [
                    render_to_string("live/post.html", {"post": post, "article": article})
                    for post in new
                ]
        response = JsonResponse(answer, json_dumps_params={"ensure_ascii": False})
        response.headers["Content-Language"] = article.language
        return response


class LivePostsFeed(Feed):
    """The posts of one live story, newest first, as Atom; withdrawn posts are not in it."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(live_stories(), slug=slug)

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
        # Also each entry's id: the post's full address, as Atom asks of an id.
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.posted_at

    def item_updateddate(self, item):
        return item.corrected_at or item.posted_at

    def item_author_name(self, item):
        return ", ".join(credit.contributor.name for credit in item.credits.all()) or None
