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

Only regular files of the inbox itself are read, opened without following links: a link
(or a second name of a file elsewhere) dropped there is refused, never read. Each file is
imported on its own: one that is refused, or that breaks the importer, goes to
``failed/`` with its reason and the others are imported all the same.
"""

import hashlib
import logging
import os
import stat
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import WorkflowError

from .forms import MAX_STORY_BYTES
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


def inbox_folder():
    """The inbox with its sub-folders, or None when it is off or missing."""
    if not settings.WIRE_INBOX_DIR:  # off (Path("") would be the working directory)
        return None
    folder = Path(settings.WIRE_INBOX_DIR)
    if not folder.is_dir():
        return None
    for sub in (IMPORTING, DONE, FAILED):
        (folder / sub).mkdir(exist_ok=True)
    return folder


def receive(data, name):
    """Bytes sent to us (the push address) imported as a dropped file is: kept in the
    inbox's folders like one, with its row. None when the inbox is off."""
    folder = inbox_folder()
    if folder is None:
        return None
    path = _free_name(folder / IMPORTING, name)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o640)
    with os.fdopen(fd, "wb") as written:
        written.write(data)
    return import_file(path, folder)


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
    waiting = sorted(
        Path(entry.path)
        for entry in os.scandir(folder)
        if not entry.is_dir(follow_symlinks=False) and not being_written(Path(entry.name))
    )
    for path in waiting:
        claimed = folder / IMPORTING / path.name
        try:
            path.rename(claimed)  # a link is moved as a link, never followed
        except FileNotFoundError:
            continue  # another worker took it
        if not claimed.is_symlink():
            claimed.touch()  # its time in importing/ starts now
        outcomes.append(import_file(claimed, folder))
    return outcomes


class NotAFile(Exception):
    """A name in the inbox that is not a regular file of its own: never read."""


def read_regular_file(path):
    """The bytes of a regular file, opened without following a link; NotAFile otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise NotAFile(f"{path.name}: a link, not a file; links are never followed.") from error
    with os.fdopen(fd, "rb") as opened:
        info = os.fstat(opened.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(f"{path.name}: not a regular file.")
        if info.st_nlink > 1:
            raise NotAFile(f"{path.name}: a second name of a file kept elsewhere; not read.")
        data = opened.read(MAX_STORY_BYTES + 1)
    if len(data) > MAX_STORY_BYTES:
        raise NotAFile(f"{path.name}: larger than {MAX_STORY_BYTES // 2**20} MB; not a story.")
    return data


def import_file(path, folder):
    """Import one claimed file; whatever goes wrong, it ends in done/ or failed/ with a row."""
    try:
        data = read_regular_file(path)
    except NotAFile as error:
        return _record(path, folder, FAILED, "", InboxFile.Outcome.REFUSED, str(error))
    digest = hashlib.sha256(data).hexdigest()
    try:
        with transaction.atomic():
            return _import(path, folder, data, digest)
    except Exception as error:  # one broken file never stops the others
        logger.exception("Wire inbox: %s could not be imported.", path.name)
        reason = f"Could not be imported ({type(error).__name__}: {error})."
        return _record(path, folder, FAILED, digest, InboxFile.Outcome.REFUSED, reason)


OUTCOMES = {
    "created": InboxFile.Outcome.IMPORTED,
    "updated": InboxFile.Outcome.UPDATED,
    "held": InboxFile.Outcome.HELD,
    "withdrawn": InboxFile.Outcome.WITHDRAWN,
}


def _import(path, folder, data, digest):
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
            return _record(
                path,
                folder,
                DONE,
                digest,
                OUTCOMES[result.kind],
                "\n".join(result.notes),
                result.article,
                story.version_created,
            )
    except (BadStory, PermissionDenied, WorkflowError) as error:
        return _record(path, folder, FAILED, digest, InboxFile.Outcome.REFUSED, str(error))
    except IntegrityError:  # the same bytes under another name, imported meanwhile
        return _record(
            path, folder, DONE, digest, InboxFile.Outcome.DUPLICATE, "Imported meanwhile."
        )


def storable(text):
    """Text any database keeps: no NUL, no lone surrogate (shown escaped instead)."""
    return text.replace("\x00", "\\x00").encode("utf-8", "backslashreplace").decode("utf-8")


def _record(path, folder, into, digest, outcome, reason, article=None, version_created=None):
    target = _free_name(folder / into, path.name)
    reason = storable(reason)
    row = InboxFile.objects.create(
        name=storable(path.name)[:255],
        sha256=digest,
        outcome=outcome,
        reason=reason,
        article=article,
        kept_as=storable(str(target.relative_to(folder)))[:500],
        version_created=version_created,
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
    if not os.path.lexists(target):
        return target
    stem, suffix = Path(name).stem, Path(name).suffix
    return folder / f"{stem}-{timezone.now():%Y%m%d%H%M%S%f}{suffix}"


def _recover(folder):
    for path in (folder / IMPORTING).iterdir():
        info = path.lstat()
        if not stat.S_ISDIR(info.st_mode) and time.time() - info.st_mtime > STALE_SECONDS:
            logger.warning("Wire inbox: %s was left half-imported; trying it again.", path.name)
            path.rename(_free_name(folder, path.name))
