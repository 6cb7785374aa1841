"""
The outbox: every mail the newsroom sends is first a row, written in the transaction
that made it necessary, then sent by a task once that transaction commits (how a row
is sent exactly once: sending.py).
"""

from django.conf import settings
from django.utils import timezone

from newsroom.celery import queue_after_commit

from .models import OutgoingMail
from .tasks import send_outgoing_mail


def queue_mail(messages, about=""):
    """Keep these EmailMessages as outgoing mail and send each once the transaction commits."""
    rows = [
        OutgoingMail.objects.create(
            about=about[:200],
            subject=message.subject[:500],
            body=message.body,
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
            to=list(message.to),
        )
        for message in messages
    ]
    for row in rows:
        queue_after_commit(send_outgoing_mail, row.pk)
    return rows


def send_again(rows):
    """Put failed (or any unsent) rows back in the queue, with their attempts counted anew."""
    pks = list(rows.exclude(status=OutgoingMail.Status.SENT).values_list("pk", flat=True))
    OutgoingMail.objects.filter(pk__in=pks).update(
        status=OutgoingMail.Status.WAITING, attempts=0, next_attempt_at=timezone.now()
    )
    for pk in pks:
        queue_after_commit(send_outgoing_mail, pk)
    return len(pks)
