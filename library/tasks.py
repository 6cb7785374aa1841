"""Background work of the media library: a picture's renditions, made once it is uploaded."""

from celery import shared_task
from django.core.files.storage import storages

from newsroom.celery import RetriedTask, queue_after_commit

from . import renditions


class StorageNotReady(Exception):
    """The storage could not be read: the task tries again later."""


@shared_task(base=RetriedTask, ignore_result=True)
def make_renditions(image_name, storage_alias="default"):
    if renditions.prepare(storages[storage_alias], image_name) is None:
        raise StorageNotReady(f"The storage could not be read for {image_name}.")


def picture_saved(sender, instance, raw=False, **kwargs):
    """Queue the renditions of a new library picture, once it is saved."""
    name = instance.file.name if instance.file else ""
    if name and not raw and not renditions.are_known(name):
        queue_after_commit(make_renditions, name)
