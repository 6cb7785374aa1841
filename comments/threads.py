from dataclasses import dataclass, field

from .models import Comment


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
    approved = sum(1 for c in comments if c.status == Comment.Status.APPROVED)
    return sorted(threads.values(), key=lambda t: t.started_at), approved
