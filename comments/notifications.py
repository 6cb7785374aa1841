"""Tell the moderators about new pending comments, without making the reader wait."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse

from jobs.outbox import queue_mail

MODERATORS_GROUP = "Moderators"


def moderator_emails():
    users = (
        get_user_model()
        .objects.filter(groups__name=MODERATORS_GROUP, is_active=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def announce_pending(comment, queue_url=None):
    """Mail the moderators: kept in the outbox with the comment, sent after the commit.

    A mail server that is down delays the mail (it is retried) and never loses the comment.
    """
    recipients = moderator_emails()
    if not recipients:
        return None
    queue = queue_url or reverse("admin:comments_comment_changelist")
    message = EmailMessage(
        subject=f"[{settings.NEWSROOM_NAME}] Comment to moderate on “{comment.article}”",
        body=(
            f"{comment.name} commented on “{comment.article}”.\n"
            f"Held because: {comment.held_reason or 'pre-moderated'}\n\n"
            f"{comment.text}\n\n"
            f"Moderation queue: {queue}\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
    return queue_mail([message], about=f"comment {comment.pk} waiting")
