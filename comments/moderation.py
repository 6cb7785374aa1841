"""When comments are open, and what happens to a new comment before anyone looks at it."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from articles.models import Article, CommentPolicy

from .models import (
    BANNED_REASON,
    BannedCommenter,
    BannedWord,
    Comment,
    ModerationLog,
    normalize_email,
)
from .notifications import announce_pending
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


def receive(article, email, text, user=None):
    """The status a new comment starts with, and why."""
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
        return Reception(Status.APPROVED, f"Trusted commenter ({approved_before} approved)")
    if approved_before == 0:
        return Reception(Status.PENDING, "New commenter")
    return Reception(Status.PENDING, "Pre-moderated article")


def submit_comment(article, *, name, email, text, parent=None, user=None, ip=None, queue_url=None):
    """Save a reader's comment with the status the rules give it, and log why."""
    reception = receive(article, email, text, user)
    held = reception.status != Comment.PUBLIC_STATUS
    with transaction.atomic():
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            name=name,
            email=normalize_email(email),
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
    return comment
