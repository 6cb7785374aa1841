"""
The Celery application: background work (mail, CDN purges, renditions, the wire inbox,
daily purges) runs on workers when a broker is configured.

With ``CELERY_BROKER_URL`` (or ``REDIS_URL``) set, tasks go to Redis and a worker runs
them (``celery -A newsroom worker``), periodic ones sent by beat (``celery -A newsroom
beat``, schedules in the admin). With neither, tasks run in the process that asked for
them, right after its transaction commits, so ``make run`` needs nothing but Python.

This module knows no app: each app keeps its tasks in its own ``tasks.py``, found by
``autodiscover_tasks``, and tells ``task_failed`` how to record a task that gave up.
"""

import logging
import os
import time

from celery import Celery
from celery.contrib.django.task import DjangoTask
from celery.signals import before_task_publish
from django.db import transaction
from kombu.exceptions import OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

logger = logging.getLogger(__name__)

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["newsroom.pagecache"])

# Functions of (task name, args, kwargs, error text) the apps add in AppConfig.ready():
# a task that gave up for good is recorded where an admin can see it and run it again.
failure_recorders = []

# When a task was queued, in its headers, so /health/ can tell how long the oldest has waited.
PUBLISHED_AT = "newsroom_published_at"


@before_task_publish.connect(weak=False)
def stamp_publish_time(headers=None, **kwargs):
    if headers is not None:
        headers.setdefault(PUBLISHED_AT, time.time())


class RetriedTask(DjangoTask):
    """
    A task tried again with growing pauses (10 s, 20 s, 40 s … up to ten minutes) when
    it raises, and recorded through ``failure_recorders`` when it gives up.

    Run in-process (no broker) it is not retried on the spot, which would hold up the
    request that asked for it: it is recorded at once, for an admin to run again.
    """

    abstract = True
    max_retries = 6
    retry_base_seconds = 10
    retry_max_seconds = 600

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except Exception as error:
            if self.request.is_eager or self.request.retries >= self.max_retries:
                self.record_failure(args, kwargs, error)
                if self.request.is_eager:
                    logger.exception("Task %s failed", self.name)
                    return None
                raise
            countdown = min(
                self.retry_max_seconds, self.retry_base_seconds * 2**self.request.retries
            )
            raise self.retry(exc=error, countdown=countdown) from error

    def record_failure(self, args, kwargs, error):
        text = f"{type(error).__name__}: {error}"
        for record in failure_recorders:
            try:
                record(self.name, list(args), dict(kwargs), text)
            except Exception:
                logger.exception("Could not record the failure of task %s", self.name)


def queue_after_commit(task, *args, **kwargs):
    """Queue ``task`` once the current transaction commits (at once outside one).

    A broker that cannot be reached is logged and fails nothing: the change is saved,
    and what the task was for is kept (an outbox row, a confirmation, an inbox file)
    for the periodic tasks to pick up.
    """

    def queue():
        broker = task.app.conf.broker_url
        if not task.app.conf.task_always_eager and broker_paused(broker):
            logger.warning("Broker down: task %s left to periodic tasks", task.name)
            return
        try:
            task.delay(*args, **kwargs)
        except OperationalError:
            pause_broker(broker)
            logger.exception("Could not queue task %s; periodic tasks see to it", task.name)
        except Exception:
            logger.exception("Could not queue task %s; periodic tasks see to it", task.name)

    transaction.on_commit(queue)


# A broker that does not answer costs a request one quick try (settings: no reconnecting
# for seconds as Celery's defaults do, once more on a connection found dead), then none
# for a pause: the outbox, confirmation rows and inbox files keep the work for the
# periodic tasks. When each broker that failed
# may be tried again (time.monotonic()).
BROKER_DOWN_PAUSE_SECONDS = 10
_broker_paused_until = {}


def broker_paused(broker_url):
    return time.monotonic() < _broker_paused_until.get(broker_url, 0)


def pause_broker(broker_url):
    _broker_paused_until[broker_url] = time.monotonic() + BROKER_DOWN_PAUSE_SECONDS
