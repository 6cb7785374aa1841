"""Telling the CDN of changed tags in the background, tried again while it fails."""

from celery import shared_task

from ..celery import RetriedTask
from . import purge


@shared_task(base=RetriedTask, ignore_result=True)
def purge_tags(tags):
    purge.tags_changed(tags)


def purge_later(tags):
    """Queue a purge of these tags, when a CDN is to be told (PAGE_CACHE_PURGE)."""
    if purge.is_on() and tags:
        purge_tags.delay(sorted(tags))
