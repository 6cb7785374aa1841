"""
Sending the outbox's rows, each once. Whoever sends a row first claims it with a
conditional update (only a waiting, due row can be claimed, so of two workers, or a
task and its retry, one wins); the periodic drain takes its batch with
``SELECT … FOR UPDATE SKIP LOCKED`` where the database has it, so two drains never
wait on or take the same rows. A failed attempt puts the row back with a growing
pause; after ``OUTBOX_MAX_ATTEMPTS`` it is marked failed, with the error, for an
admin to send again.

A worker that dies while sending (kill -9, a lost machine) leaves its row claimed; its
task is handed out again (acks_late, the broker's visibility timeout) and takes the row
back, or the claim expires (``SENDING_LEASE``) and the drain sends it. One case sends
twice: a worker that dies after the mail server took the message but before the row
says so; a second copy rather than none.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger(__name__)


def claim(pk, now=None, redelivered=False):
    """The row, now ours to send, or None when it is not due or someone else has it.

    redelivered: the task comes again because its worker died (killed, its machine lost)
    before it finished, so a row still marked as being sent is that dead worker's: taken
    back at once rather than after the lease.
    """
    now = now or timezone.now()
    claimable = OutgoingMail.objects.due(now)
    if redelivered:
        claimable |= OutgoingMail.objects.filter(status=OutgoingMail.Status.SENDING)
    claimed = claimable.filter(pk=pk).update(
        status=OutgoingMail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    return OutgoingMail.objects.get(pk=pk) if claimed else None


def claim_due(limit=100):
    """Claim up to ``limit`` due rows at once; skipped where another drain holds them."""
    now = timezone.now()
    if not connection.features.has_select_for_update_skip_locked:
        pks = OutgoingMail.objects.due(now).order_by("next_attempt_at")[:limit]
        return [row for pk in pks.values_list("pk", flat=True) if (row := claim(pk, now))]
    with transaction.atomic():
        pks = list(
            OutgoingMail.objects.due(now)
            .order_by("next_attempt_at")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        OutgoingMail.objects.filter(pk__in=pks).update(
            status=OutgoingMail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    return list(OutgoingMail.objects.filter(pk__in=pks))


def deliver(row):
    """Send a claimed row. True when the mail server took it; never raises."""
    mine = OutgoingMail.objects.filter(
        pk=row.pk, status=OutgoingMail.Status.SENDING, claimed_at=row.claimed_at
    )
    message = EmailMessage(row.subject, row.body, row.from_email, row.to)
    try:
        with get_connection() as mail_server:
            mail_server.send_messages([message])
    except Exception as error:
        given_up = row.attempts >= settings.OUTBOX_MAX_ATTEMPTS
        logger.warning("Mail %s not sent (attempt %s): %s", row.pk, row.attempts, error)
        mine.update(
            status=OutgoingMail.Status.FAILED if given_up else OutgoingMail.Status.WAITING,
            next_attempt_at=timezone.now() + row.retry_delay(),
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        return False
    mine.update(status=OutgoingMail.Status.SENT, sent_at=timezone.now(), last_error="")
    return True
