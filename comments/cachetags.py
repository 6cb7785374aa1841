"""
The page cache's tag for comments, and which cached pages a change of one ends (see
newsroom/pagecache).

``comments_of(article)``: the pages showing an article's comments (its page) or their
count (lists). A comment waiting for moderation shows to nobody but its author, whose
pages are never cached, so it ends nothing.
"""

from datetime import timedelta

from django.conf import settings

from articles.models import Article
from newsroom.pagecache import keyed_tag

from .models import Comment

comments_of = keyed_tag("comments-{}")


def comment_changed(comment, before):
    was_public = before is not None and before["status"] == Comment.PUBLIC_STATUS
    return {comments_of(comment.article_id)} if comment.is_public or was_public else set()


def closed_between(since, until):
    """The tags of the stories whose comments closed by themselves in (since, until]."""
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if not days:
        return set()
    opened = Article.objects.published().filter(
        first_published_at__gt=since - timedelta(days=days),
        first_published_at__lte=until - timedelta(days=days),
    )
    return {comments_of(pk) for pk in opened.values_list("pk", flat=True)}
