"""What /health/ says of the background queue: the broker, the oldest waiting task, failures."""

import json
import time

from django.conf import settings
from django.utils import timezone
from kombu import Connection

from newsroom.celery import PUBLISHED_AT, app

from .models import FailedTask, OutgoingMail

BROKER_TIMEOUT_SECONDS = 2


def queue_health():
    report = {}
    if settings.CELERY_TASK_ALWAYS_EAGER:
        report["queue_broker"] = "none (tasks run in the process that queues them)"
    else:
        report.update(broker_report())
    now = timezone.now()
    oldest_mail = OutgoingMail.objects.due(now).order_by("next_attempt_at").first()
    report["outbox_due"] = OutgoingMail.objects.due(now).count()
    report["outbox_oldest_due_seconds"] = (
        round((now - oldest_mail.next_attempt_at).total_seconds()) if oldest_mail else 0
    )
    report["outbox_failed"] = OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED).count()
    report["failed_tasks"] = FailedTask.objects.filter(run_again_at__isnull=True).count()
    return report


def broker_report():
    """Whether the broker answers, and (Redis) how many tasks wait and the oldest's age."""
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=BROKER_TIMEOUT_SECONDS) as conn:
            conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
            if conn.transport.driver_type != "redis":
                return {"queue_broker": "reachable"}
            client = conn.default_channel.client
            queue = app.conf.task_default_queue
            waiting = client.llen(queue)
            oldest = client.lindex(queue, -1)  # kombu pushes on the left, takes from the right
    except Exception as error:
        return {"queue_broker": f"unreachable ({type(error).__name__})"}
    return {
        "queue_broker": "reachable",
        "queue_waiting": waiting,
        "queue_oldest_seconds": oldest_age(oldest),
    }


def oldest_age(message):
    if not message:
        return 0
    try:
        published = json.loads(message)["headers"][PUBLISHED_AT]
    except (ValueError, KeyError, TypeError):
        return "unknown"
    return round(max(0, time.time() - float(published)))
