"""Background work of the wire: the inbox, imported by a periodic task."""

from celery import shared_task

from newsroom.celery import RetriedTask

from .inbox import import_inbox


@shared_task(base=RetriedTask, ignore_result=True)
def import_wire_inbox():
    rows = import_inbox()
    return {str(row): row.outcome for row in rows}
