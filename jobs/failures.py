"""Tasks that gave up: kept with their error, and run again from the admin."""

from django.utils import timezone

from newsroom.celery import app, queue_after_commit

from .models import FailedTask


def record_failure(task, args, kwargs, error):
    FailedTask.objects.create(task=task, args=args, kwargs=kwargs, error=error[:5000])


def run_again(failed):
    """Queue each failed task once more, with the arguments it had; the number queued."""
    queued = 0
    for row in failed.filter(run_again_at__isnull=True):
        task = app.tasks.get(row.task)
        if task is None:
            continue
        FailedTask.objects.filter(pk=row.pk).update(run_again_at=timezone.now())
        queue_after_commit(task, *row.args, **row.kwargs)
        queued += 1
    return queued
