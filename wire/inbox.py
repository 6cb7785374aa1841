"""
The wire inbox: agencies (or a mail-to-folder gateway) drop wire copy and ninjs files into
``WIRE_INBOX_DIR``; a periodic task imports each one with the checks of ``import_story``.

A file is never lost: it is first moved to ``importing/`` (a rename, so of two workers one
takes it), then to ``done/`` or, refused, to ``failed/`` with ``<name>.reason.txt`` beside
it, and what happened is an ``InboxFile`` row listed in the admin. A file found in
``importing/`` long after (its worker died) goes back to the inbox. The same bytes are
never imported twice (``InboxFile``'s hash, unique among imported files). Files whose names
start with ``.`` or end in ``.part`` or ``.tmp`` are being written and are left alone:
upload under such a name, then rename.
"""

import hashlib
import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import WorkflowError

from .importer import read_story, save_story, wire_desk_user
from .models import InboxFile
from .story import BadStory

logger = logging.getLogger(__name__)

IMPORTING, DONE, FAILED = "importing", "done", "failed"
STALE_SECONDS = 10 * 60  # a file in importing/ this long: its worker died


def being_written(path):
    return path.name.startswith(".") or path.suffix in {".part", ".tmp"}


def published_at_once(story):
    """Whether this agency's copy goes out at once (``WIRE_INBOX_PUBLISH``), not to review."""
    chosen = {name.strip().casefold() for name in settings.WIRE_INBOX_PUBLISH}
    return "*" in chosen or story.dateline_agency.strip().casefold() in chosen - {""}


def import_inbox(folder=None):
    """Import every file waiting in the inbox; the InboxFile rows made, in order."""
    folder = folder or settings.WIRE_INBOX_DIR
    if not folder:  # off (Path("") would be the working directory)
        return []
    folder = Path(folder)
    if not folder.is_dir():
        logger.error("Wire inbox: %s is not a folder; nothing imported.", folder)
        return []
    for sub in (IMPORTING, DONE, FAILED):
        (folder / sub).mkdir(exist_ok=True)
    _recover(folder)
    outcomes = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not being_written(p)):
        claimed = folder / IMPORTING / path.name
        try:
            path.rename(claimed)
        except FileNotFoundError:
            continue  # another worker took it
        claimed.touch()  # its time in importing/ starts now
        outcomes.append(import_file(claimed, folder))
    return outcomes


def import_file(path, folder):
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    Outcome = InboxFile.Outcome
    earlier = InboxFile.objects.filter(
        sha256=digest, outcome__in=[Outcome.IMPORTED, Outcome.UPDATED]
    ).first()
    if earlier:
        when = timezone.localtime(earlier.received_at).strftime("%Y-%m-%d %H:%M")
        reason = f"The same file was imported on {when} as “{earlier.name}”."
        return _record(
            path, folder, DONE, digest, InboxFile.Outcome.DUPLICATE, reason, earlier.article
        )
    try:
        story = read_story(data, path.name)
        with transaction.atomic():
            result = save_story(story, wire_desk_user(), published_at_once(story))
            outcome = InboxFile.Outcome.IMPORTED if result.created else InboxFile.Outcome.UPDATED
            return _record(
                path, folder, DONE, digest, outcome, "\n".join(result.notes), result.article
            )
    except (BadStory, PermissionDenied, WorkflowError) as error:
        return _record(path, folder, FAILED, digest, InboxFile.Outcome.REFUSED, str(error))
    except IntegrityError:  # the same bytes under another name, imported meanwhile
        return _record(
            path, folder, DONE, digest, InboxFile.Outcome.DUPLICATE, "Imported meanwhile."
        )


def _record(path, folder, into, digest, outcome, reason, article=None):
    target = _free_name(folder / into, path.name)
    row = InboxFile.objects.create(
        name=path.name,
        sha256=digest,
        outcome=outcome,
        reason=reason,
        article=article,
        kept_as=str(target.relative_to(folder)),
    )
    # Moved only once the row is saved: a crash before leaves it in importing/, tried again.
    transaction.on_commit(lambda: _move(path, target, reason if into == FAILED else ""))
    return row


def _move(path, target, reason):
    path.rename(target)
    if reason:
        target.with_name(target.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")


def _free_name(folder, name):
    """``name`` in ``folder``, or with a time before its suffix when that is taken."""
    target = folder / name
    if not target.exists():
        return target
    stem, suffix = Path(name).stem, Path(name).suffix
    return folder / f"{stem}-{timezone.now():%Y%m%d%H%M%S%f}{suffix}"


def _recover(folder):
    for path in (folder / IMPORTING).iterdir():
        if path.is_file() and time.time() - path.stat().st_mtime > STALE_SECONDS:
            logger.warning("Wire inbox: %s was left half-imported; trying it again.", path.name)
            path.rename(_free_name(folder, path.name))
