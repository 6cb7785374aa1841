"""
What a withdrawal takes down besides the story's pages: its lead picture and renditions.

Every page, feed and ninjs item stops naming the story at once, but partners, readers
and search engines may have kept the image addresses. The picture moves to a new name
nobody was ever given (under ``withdrawn/``, which a deployment may also refuse to
serve) and its renditions are deleted, so the old addresses answer 404. The newsroom
keeps the picture in its media library, on the withdrawn story. While another story
using the library picture (a translation) is published, the file stays where it was:
that story still shows it.
"""

import uuid
from pathlib import PurePosixPath

from django.db import transaction

from library import renditions

from .workflow import Status

WITHDRAWN_FOLDER = "withdrawn"


def withdrawn_image_name(name):
    return f"{WITHDRAWN_FOLDER}/{uuid.uuid4().hex}{PurePosixPath(name).suffix.lower()}"


class TakedownMixin:
    def take_down_lead_image(self):
        """Move the lead picture out of every address it was served at; call in the withdrawal.

        The picture is the media library's: while another story readers may see (a
        translation, or any story using the same library picture) shows it, it stays.
        """
        picture = self.lead_image
        old = picture.file.name if picture else ""
        if not old or old.startswith(f"{WITHDRAWN_FOLDER}/"):
            return
        others = type(self).objects.filter(lead_image=picture).exclude(pk=self.pk)
        if others.filter(status=Status.PUBLISHED).exists():
            return
        storage = picture.file.storage
        try:
            with storage.open(old, "rb") as original:
                new = storage.save(withdrawn_image_name(old), original)
        except FileNotFoundError:
            new = ""  # nothing left to serve; renditions may still be there
        if new:
            type(picture).objects.filter(pk=picture.pk).update(file=new)
            picture.file.name = new

        def delete_served_copies():
            renditions.discard(storage, old)
            if new:
                storage.delete(old)

        # Only once the withdrawal is committed: a withdrawal that fails takes nothing down.
        transaction.on_commit(delete_served_copies, robust=True)
