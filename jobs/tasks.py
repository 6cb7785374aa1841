"""Tasks of the background work itself: sending the outbox."""

from celery import shared_task
from django.utils import timezone

from . import sending


@shared_task(bind=True, max_retries=None, ignore_result=True)
def send_outgoing_mail(self, pk):
    """Send one outgoing mail; when the mail server fails, try again after its pause."""
    redelivered = (self.request.delivery_info or {}).get("redelivered", False)
    row = sending.claim(pk, redelivered=redelivered)
    if row is None:
        return  # sent already, not due yet, or another worker has it
    if sending.deliver(row) or self.request.is_eager:
        return  # run in-process: the periodic drain, or an admin, sends it again
    row.refresh_from_db()
    if row.status == row.Status.WAITING:
        wait = (row.next_attempt_at - timezone.now()).total_seconds()
        raise self.retry(countdown=max(1, wait + 1))


@shared_task(ignore_result=True)
def drain_outbox():
    """Send every due mail: those whose task was lost, and those waiting for a retry."""
    sent = failed = 0
    for row in sending.claim_due():
        if sending.deliver(row):
            sent += 1
        else:
            failed += 1
    return {"sent": sent, "failed": failed}
