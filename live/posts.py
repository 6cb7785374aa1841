"""
A live story's posts as readers see them on its page: newest first, a page at a time by
time (``?before=<cursor>``), and the key points pinned above them.
"""

from django.conf import settings
from django.core.exceptions import BadRequest

from .models import LiveCursor, LivePost

PAGE_SIZE = 20
KEY_POINTS = 10


def visible_posts(article):
    return (
        LivePost.objects.filter(article=article)
        .visible()
        .with_credits()
        .select_related("broken_out_to")
    )


def newest_posts(coverage):
    """The story's newest page of posts (and one more), read once for its page and JSON-LD."""
    if "_newest_posts" not in coverage.__dict__:
        posts = visible_posts(coverage.article)[: PAGE_SIZE + 1]
        coverage.__dict__["_newest_posts"] = attached(posts, coverage.article)
    return coverage.__dict__["_newest_posts"]


def attached(posts, article):
    """The posts, each knowing its story without loading it again (credit style, address)."""
    posts = list(posts)
    for post in posts:
        post.article = article
    return posts


# The query parameters a live page reads: the posts before, or after, a cursor.
CURSORS = ("before", "after")


def cursor_in(request, name):
    text = request.GET.get(name)
    if text is None:
        return None
    try:
        return LiveCursor.parse(text)
    except ValueError as error:
        raise BadRequest(str(error)) from None


def link_key_points(key_points, page):
    """Each key point links to its post: on this page, or on the page of posts it opens."""
    shown = {post.pk for post in page}
    for post in key_points:
        anchor = f"#post-{post.pk}"
        # The posts before a cursor just past this one: the post itself comes first.
        opening = LiveCursor(post.posted_at, post.pk + 1)
        post.key_point_link = anchor if post.pk in shown else f"?before={opening}{anchor}"


def page_context(request, article, coverage):
    """What the story's page shows of its live coverage: one page of posts, key points."""
    posts = visible_posts(article)
    before = cursor_in(request, "before")
    if before:
        page = attached(posts.filter(before.before_q())[: PAGE_SIZE + 1], article)
    else:
        page = newest_posts(coverage)
    older = page[PAGE_SIZE - 1].cursor if len(page) > PAGE_SIZE else None
    page = page[:PAGE_SIZE]
    newest = page[0] if page and before is None else None
    if newest is None and before is None:
        newest_cursor = LiveCursor(coverage.started_at, 0)
    else:
        newest_cursor = newest.cursor if newest else None
    key_points = attached(posts.filter(pinned=True)[:KEY_POINTS], article)
    link_key_points(key_points, page)
    return {
        "coverage": coverage,
        "posts": page,
        "key_points": key_points,
        "older": older,
        "is_first_page": before is None,
        "cursor": newest_cursor,
        "poll_seconds": settings.LIVE_POLL_SECONDS,
    }
