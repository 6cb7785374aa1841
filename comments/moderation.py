"""When comments are open, and what happens to a new comment before anyone looks at it."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from articles.models import Article, CommentPolicy

from .models import (
    AWAITING_CONFIRMATION,
    BANNED_REASON,
    BannedCommenter,
    BannedWord,
    Comment,
    Confirmation,
    ModerationLog,
    normalize_email,
)
from .notifications import announce_pending
from .tasks import ask_to_confirm
from .text import count_links


def closes_at(article):
    """When comments close by themselves, or None when they never do."""
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if not days or article.first_published_at is None:
        return None
    return article.first_published_at + timedelta(days=days)


def next_comment_closing():
    """When comments next close by themselves on a published article, or None."""
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if not days:
        return None
    first = (
        Article.objects.published()
        .filter(first_published_at__gt=timezone.now() - timedelta(days=days))
        .aggregate(first=Min("first_published_at"))["first"]
    )
    return first + timedelta(days=days) if first else None


def comments_open(article):
    """Whether readers may comment on this article now."""
    if not article.is_public or article.effective_comment_policy == CommentPolicy.CLOSED:
        return False
    closing = closes_at(article)
    return closing is None or timezone.now() < closing


@dataclass
class Reception:
    """How a new comment is received, before any moderator has seen it."""

    status: str
    reason: str  # for the log; held_reason too when the comment is held


def receive(article, email, text, user=None, proven=False):
    """The status a new comment starts with, and why.

    proven: the comment comes from a browser that confirmed the address (comments.confirmations).
    """
    Status = Comment.Status
    if user is None and BannedCommenter.is_banned(email):
        return Reception(Status.SPAM, BANNED_REASON)
    word = BannedWord.first_in(text)
    if word is not None:
        status = Status.SPAM if word.action == BannedWord.Action.SPAM else Status.PENDING
        return Reception(status, f"Banned word “{word.word}”")
    if user is not None and user.is_staff:
        return Reception(Status.APPROVED, "Staff comment")
    links, allowed = count_links(text), settings.COMMENTS_HOLD_AFTER_LINKS
    if allowed and links > allowed:
        return Reception(Status.PENDING, f"Too many links ({links})")
    if article.effective_comment_policy == CommentPolicy.POST_MODERATED:
        return Reception(Status.APPROVED, "Post-moderated article")
    approved_before = Comment.objects.approved().by_email(email).count()
    trusted_after = settings.COMMENTS_TRUSTED_AFTER
    if trusted_after and approved_before >= trusted_after:
        if not proven:
            # Anyone can type an address: only its owner's confirmation publishes.
            return Reception(Status.PENDING, AWAITING_CONFIRMATION)
        return Reception(Status.APPROVED, f"Trusted commenter ({approved_before} approved)")
    if approved_before == 0:
        return Reception(Status.PENDING, "New commenter")
    return Reception(Status.PENDING, "Pre-moderated article")


def submit_comment(
    article,
    *,
    name,
    email,
    text,
    parent=None,
    user=None,
    ip=None,
    queue_url=None,
    proven=False,
    site_url="",
):
    """Save a reader's comment with the status the rules give it, and log why.

    The comment's ``confirmation`` is the link mailed to its author, or None.
    """
    email = normalize_email(email)
    reception = receive(article, email, text, user, proven=proven)
    held = reception.status != Comment.PUBLIC_STATUS
    with transaction.atomic():
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            name=name,
            email=email,
            text=text,
            user=user,
            ip=ip,
            status=reception.status,
            held_reason=reception.reason if held else "",
        )
        ModerationLog.objects.create(
            comment=comment, to_status=reception.status, reason=reception.reason
        )
        if reception.status == Comment.Status.PENDING:
            announce_pending(comment, queue_url)
        comment.confirmation = None
        if needs_confirmation(comment, user, proven):
            comment.confirmation = ask_to_confirm(email, comment, site_url)
    return comment


def needs_confirmation(comment, user, proven):
    """A link for the first comment from an address, and for each one waiting for it."""
    if user is not None or proven or comment.status == Comment.Status.SPAM:
        return False
    return (
        comment.awaits_confirmation or not Confirmation.objects.filter(email=comment.email).exists()
    )


def confirm(confirmation):
    """The reader clicked: the address is theirs, and a comment waiting for them goes on.

    Returns the comment the link was about, if any, as it now stands.
    """
    with transaction.atomic():
        Confirmation.objects.filter(pk=confirmation.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
        confirmation.refresh_from_db()
        comment = confirmation.comment
        if comment is not None and comment.awaits_confirmation:
            release(comment)
    return comment


def release(comment):
    """A comment that waited for its author's confirmation: judged again, as proven."""
    reception = receive(comment.article, comment.email, comment.text, proven=True)
    if reception.status == Comment.PUBLIC_STATUS:
        comment.approve(None, f"Confirmed by the commenter. {reception.reason}")
    else:
        Comment.objects.filter(pk=comment.pk).update(held_reason=reception.reason)
        comment.held_reason = reception.reason
        ModerationLog.objects.create(
            comment=comment,
            from_status=comment.status,
            to_status=comment.status,
            reason=f"Confirmed by the commenter. {reception.reason}",
        )
