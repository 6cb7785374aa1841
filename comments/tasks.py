"""Background work of the comments: confirmation links, and forgetting old addresses."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from newsroom.celery import RetriedTask, queue_after_commit

from .confirmations import send_confirmation
from .models import Comment, Confirmation, Report

# A link the mail server refused this often is given up on (a later comment brings a new one).
MAX_CONFIRMATION_ATTEMPTS = 5


@shared_task(ignore_result=True)
def send_confirmation_link(confirmation_pk):
    """Mail one confirmation link; one the mail server refused waits for the periodic resend."""
    return send_confirmation(confirmation_pk)


def ask_to_confirm(email, comment, site_url=""):
    """Mail the commenter a link once the comment is safely saved, in the background.

    The confirmation row is saved with the comment: a link that could not be sent then is
    sent by the periodic ``send_waiting_confirmations``.
    """
    confirmation = Confirmation.objects.create(email=email, comment=comment, site_url=site_url)
    queue_after_commit(send_confirmation_link, confirmation.pk)
    return confirmation


@shared_task(ignore_result=True)
def send_waiting_confirmations():
    """Send the links the mail server could not take when their commenters commented."""
    waiting = Confirmation.objects.unsent().filter(attempts__lt=MAX_CONFIRMATION_ATTEMPTS)
    sent = failed = 0
    for pk in waiting.order_by("pk").values_list("pk", flat=True):
        if send_confirmation(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed


@shared_task(base=RetriedTask, ignore_result=True)
def purge_comment_ips(days=None):
    """Forget the addresses of comments and reports older than COMMENTS_IP_RETENTION_DAYS."""
    days = settings.COMMENTS_IP_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    comments = Comment.objects.filter(created_at__lt=cutoff, ip__isnull=False).update(ip=None)
    reports = (
        Report.objects.filter(created_at__lt=cutoff)
        .exclude(ip_hash="", network_hash="")
        .update(ip_hash="", network_hash="")
    )
    return comments, reports, days
