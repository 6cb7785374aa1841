"""
What a withdrawal takes down besides the story's pages: its lead image and renditions.

Every page, feed and ninjs item stops naming the story at once, but partners, readers
and search engines may have kept the image addresses. The picture moves to a new name
nobody was ever given (under ``withdrawn/``, which a deployment may also refuse to
serve) and its renditions are deleted, so the old addresses answer 404. The newsroom
keeps the picture on the withdrawn story. While another story sharing the file (a
translation) is published, the file stays where it was: that story still shows it.
"""

import uuid
from pathlib import PurePosixPath

from django.db import transaction

from .. import renditions
from .workflow import Status

WITHDRAWN_FOLDER = "withdrawn"


def withdrawn_image_name(name):
    return f"{WITHDRAWN_FOLDER}/{uuid.uuid4().hex}{PurePosixPath(name).suffix.lower()}"


class TakedownMixin:
    def take_down_lead_image(self):
        """Move the lead image out of every address it was served at; call in the withdrawal."""
        old = self.lead_image.name
        if not old or old.startswith(f"{WITHDRAWN_FOLDER}/"):
            return
        storage = self.lead_image.storage
        sharing = type(self).objects.filter(lead_image=old)
        still_shown = sharing.exclude(pk=self.pk).filter(status=Status.PUBLISHED).exists()
        try:
            with storage.open(old, "rb") as original:
                new = storage.save(withdrawn_image_name(old), original)
        except FileNotFoundError:
            new = ""  # nothing left to serve; renditions may still be there
        if still_shown:
            if new:
                type(self).objects.filter(pk=self.pk).update(lead_image=new)
                self.lead_image.name = new
            return
        if new:
            # Drafts sharing the file (a translation in the works) follow it.
            sharing.update(lead_image=new)
            self.lead_image.name = new

        def delete_served_copies():
            renditions.discard(storage, old)
            if new:
                storage.delete(old)

        # Only once the withdrawal is committed: a withdrawal that fails takes nothing down.
        transaction.on_commit(delete_served_copies, robust=True)
