"""Tell the moderators about new pending comments, without making the reader wait."""

import logging
import threading

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import connections, transaction
from django.urls import reverse

logger = logging.getLogger(__name__)

MODERATORS_GROUP = "Moderators"


def moderator_emails():
    users = (
        get_user_model()
        .objects.filter(groups__name=MODERATORS_GROUP, is_active=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def run_in_background(function, *args):
    def run():
        try:
            function(*args)
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def announce_pending(comment, queue_url=None):
    """Mail the moderators once the comment is safely saved, in a thread of its own."""
    comment_id = comment.pk
    transaction.on_commit(lambda: run_in_background(send_pending_notice, comment_id, queue_url))


def send_pending_notice(comment_id, queue_url=None):
    from .models import Comment

    try:
        comment = Comment.objects.select_related("article").get(pk=comment_id)
        recipients = moderator_emails()
        if not recipients:
            return
        queue = queue_url or reverse("admin:comments_comment_changelist")
        send_mail(
            subject=f"[{settings.NEWSROOM_NAME}] Comment to moderate on “{comment.article}”",
            message=(
                f"{comment.name} commented on “{comment.article}”.\n"
                f"Held because: {comment.held_reason or 'pre-moderated'}\n\n"
                f"{comment.text}\n\n"
                f"Moderation queue: {queue}\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
    except Exception:
        # The comment is saved and waits in the queue; a lost mail must not lose it.
        logger.exception("Could not announce pending comment %s", comment_id)
