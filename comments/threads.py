from dataclasses import dataclass, field

from django.db.models import Q

from .models import Comment

# The article page shows threads oldest first, this many a page (?comments=2 and on).
THREADS_PER_PAGE = 50
PAGE_PARAMETER = "comments"
# The comment a reader is replying to (?reply_to=12), from its Reply link.
REPLY_TO = "reply_to"


@dataclass
class Thread:
    """A top-level comment and its replies; comment is None where it was removed."""

    comment: Comment | None
    replies: list = field(default_factory=list)

    @property
    def started_at(self):
        first = self.comment or self.replies[0]
        return first.created_at


def public_threads(article, own_ids=()):
    """What a reader sees under an article, in one query.

    Approved comments, plus the reader's own waiting ones. A top-level comment
    that is not public but has public replies leaves a tombstone behind.
    """
    visible = Comment.objects.approved()
    if own_ids:
        # Spam stays "awaiting moderation" to its author, who need not learn of a ban.
        waiting = [Comment.Status.PENDING, Comment.Status.SPAM]
        visible |= Comment.objects.filter(pk__in=list(own_ids), status__in=waiting)
    comments = list(
        visible.filter(article=article)
        .only("pk", "parent_id", "name", "text", "user_id", "status", "created_at", "article_id")
        .order_by("created_at", "pk")
    )
    threads = {}
    for comment in comments:
        if comment.parent_id is None:
            threads.setdefault(comment.pk, Thread(None)).comment = comment
    for comment in comments:
        if comment.parent_id is not None:
            threads.setdefault(comment.parent_id, Thread(None)).replies.append(comment)
    public = sum(1 for c in comments if c.is_public)
    return sorted(threads.values(), key=lambda t: t.started_at), public


def thread_page_url(comment):
    """The article page showing this comment's thread, anchored on the comment.

    Threads run oldest first, fifty to a page; the page is reckoned from the
    approved threads started before this one, as every reader sees them.
    """
    root = comment.parent if comment.parent_id else comment
    earlier = (
        Comment.objects.approved()
        .filter(article_id=comment.article_id, parent__isnull=True)
        .filter(Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk))
        .count()
    )
    page = earlier // THREADS_PER_PAGE + 1
    query = f"?{PAGE_PARAMETER}={page}" if page > 1 else ""
    return f"{comment.article.get_absolute_url()}{query}#comment-{comment.pk}"
