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

A picture item goes to the media library, never into an article, when its file lies in
the inbox beside it (named by a rendition's href; pictures are never fetched from the
web); the file goes with the item to ``done/``, or to ``failed/`` with it. A picture's file
(.jpg, .png …) waits in the inbox for its item, and is refused when none names it within
ten minutes. A content-API answer wrapping several items has a row for each item: one
that is refused does not stop the others, and the file goes to ``failed/`` only when
nothing of it was taken.
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
from library.models import LibraryImage

from .forms import MAX_STORY_BYTES
from .importer import read_items, save_story, wire_desk_user
from .models import InboxFile
from .pictures import save_picture
from .story import BadStory, WirePicture

logger = logging.getLogger(__name__)

IMPORTING, DONE, FAILED = "importing", "done", "failed"
STALE_SECONDS = 10 * 60  # a file in importing/ this long: its worker died
PICTURE_WAIT_SECONDS = 10 * 60  # a picture's file no item named this long: refused


PICTURE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff"}


def being_written(path):
    return path.name.startswith(".") or path.suffix in {".part", ".tmp"}


def picture_file(path):
    """A picture's file: it waits for the item that names it, and goes with that item."""
    return path.suffix.lower() in PICTURE_SUFFIXES


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
    inbox's folders like one, with its rows. None when the inbox is off."""
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
        if not picture_file(path) and (claimed := _claim(path, folder)):
            outcomes.extend(import_file(claimed, folder))
    for path in waiting:
        if picture_file(path) and _waited(path) and (claimed := _claim(path, folder)):
            reason = (
                f"{path.name}: a picture's file that no item named. Send it with the ninjs "
                "item whose rendition's href names it (the file first, then the item)."
            )
            row = _row(claimed, "", InboxFile.Outcome.REFUSED, reason)
            outcomes.extend(_keep(claimed, folder, [row]))
    return outcomes


def _claim(path, folder):
    """The file moved into importing/, or None when another worker took it."""
    claimed = folder / IMPORTING / path.name
    try:
        path.rename(claimed)  # a link is moved as a link, never followed
    except FileNotFoundError:
        return None  # another worker took it (or an item took its picture)
    if not claimed.is_symlink():
        claimed.touch()  # its time in importing/ starts now
    return claimed


def _waited(path):
    """Whether a picture's file has waited long enough for its item (since it came: a copy
    may keep the time it was taken, the change time is when it came)."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False  # gone with its item
    return time.time() - max(info.st_mtime, info.st_ctime) > PICTURE_WAIT_SECONDS


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
    """Import one claimed file; whatever goes wrong, it ends in done/ or failed/ with its
    rows: one for the file, or one for each item of a document that wraps several."""
    try:
        data = read_regular_file(path)
    except NotAFile as error:
        return _keep(path, folder, [_row(path, "", InboxFile.Outcome.REFUSED, str(error))])
    digest = hashlib.sha256(data).hexdigest()
    try:
        with transaction.atomic():
            return _import(path, folder, data, digest)
    except Exception as error:  # one broken file never stops the others
        logger.exception("Wire inbox: %s could not be imported.", path.name)
        reason = f"Could not be imported ({type(error).__name__}: {error})."
        return _keep(path, folder, [_row(path, digest, InboxFile.Outcome.REFUSED, reason)])


OUTCOMES = {
    "created": InboxFile.Outcome.IMPORTED,
    "updated": InboxFile.Outcome.UPDATED,
    "held": InboxFile.Outcome.HELD,
    "withdrawn": InboxFile.Outcome.WITHDRAWN,
}


def _import(path, folder, data, digest):
    Outcome = InboxFile.Outcome
    # Only stories count: a picture sent again is saved again (its file may be new).
    earlier = InboxFile.objects.filter(
        sha256=digest, outcome__in=[Outcome.IMPORTED, Outcome.UPDATED]
    ).first()
    if earlier:
        when = timezone.localtime(earlier.received_at).strftime("%Y-%m-%d %H:%M")
        reason = f"The same file was imported on {when} as “{earlier.name}”."
        row = _row(path, digest, Outcome.DUPLICATE, reason, article=earlier.article)
        return _keep(path, folder, [row])
    try:
        items = read_items(data, path.name)
    except BadStory as error:
        return _keep(path, folder, [_row(path, digest, Outcome.REFUSED, str(error))])
    first = 1 if len(items) > 1 else 0  # items of a wrapper are numbered, a lone one is not
    rows = [
        _import_item(item, path, folder, digest, number)
        for number, item in enumerate(items, start=first)
    ]
    return _keep(path, folder, rows)


def _import_item(item, path, folder, digest, number):
    """The row of one item: its story saved, its picture in the library, or why not."""
    Outcome = InboxFile.Outcome
    files = _files_of(item, folder) if isinstance(item, WirePicture) else []
    try:
        with transaction.atomic():
            if isinstance(item, BadStory):
                raise item
            if isinstance(item, WirePicture):
                row = _save_picture(item, path, folder, digest, number)
            else:
                result = save_story(item, wire_desk_user(), published_at_once(item))
                row = _row(
                    path,
                    digest,
                    OUTCOMES[result.kind],
                    "\n".join(result.notes),
                    number,
                    article=result.article,
                    version_created=item.version_created,
                )
    except (BadStory, PermissionDenied, WorkflowError) as error:
        row = _row(path, digest, Outcome.REFUSED, str(error), number)
    except IntegrityError:  # the same bytes under another name, imported meanwhile
        row = _row(path, digest, Outcome.DUPLICATE, "Imported meanwhile.", number)
    except Exception as error:  # one broken item never stops the others
        logger.exception("Wire inbox: %s, item %s could not be imported.", path.name, number)
        reason = f"Could not be imported ({type(error).__name__}: {error})."
        row = _row(path, digest, Outcome.REFUSED, reason, number)
    if files:
        # The picture's files go with it, so that they are never read again as items.
        into = FAILED if row.outcome == Outcome.REFUSED else DONE
        kept = [(file, _free_name(folder / into, file.name)) for file in files]
        places = ", ".join(storable(str(target.relative_to(folder))) for _, target in kept)
        row.reason = f"{row.reason} Kept with the item: {places}."
        row.save(update_fields=["reason"])
        for file, target in kept:
            why = row.reason if into == FAILED else ""
            transaction.on_commit(lambda f=file, t=target, w=why: _move(f, t, w))
    return row


def _save_picture(picture, path, folder, digest, number):
    known = LibraryImage.objects.filter(source_id=picture.source_id[:255]).exists()
    image = save_picture(picture, folder, wire_desk_user())
    said = "Updated in the media library" if known else "Added to the media library"
    reason = f"{said}: “{image}”."
    return _row(path, digest, InboxFile.Outcome.PICTURE, reason, number, picture=image)


def _files_of(picture, folder):
    """The picture's files lying in the inbox, named by its renditions' hrefs."""
    names = {href for _, href in picture.renditions if "/" not in href and "\\" not in href}
    return [
        folder / name
        for name in sorted(names)
        if picture_file(Path(name))
        and not being_written(Path(name))
        and os.path.lexists(folder / name)
        and not stat.S_ISDIR(os.lstat(folder / name).st_mode)
    ]


def storable(text):
    """Text any database keeps: no NUL, no lone surrogate (shown escaped instead)."""
    return text.replace("\x00", "\\x00").encode("utf-8", "backslashreplace").decode("utf-8")


def _row(path, digest, outcome, reason, number=0, **links):
    return InboxFile.objects.create(
        name=storable(path.name)[:255],
        item=number,
        sha256=digest,
        outcome=outcome,
        reason=storable(reason),
        **links,
    )


def _keep(path, folder, rows):
    """The file moved to done/, or to failed/ when nothing of it was taken; its rows say
    where it is now."""
    refused = all(row.outcome == InboxFile.Outcome.REFUSED for row in rows)
    target = _free_name(folder / (FAILED if refused else DONE), path.name)
    kept_as = storable(str(target.relative_to(folder)))[:500]
    InboxFile.objects.filter(pk__in=[row.pk for row in rows]).update(kept_as=kept_as)
    for row in rows:
        row.kept_as = kept_as
    reason = "\n".join(row.reason for row in rows) if refused else ""
    # Moved only once the rows are saved: a crash before leaves it in importing/, tried again.
    transaction.on_commit(lambda: _move(path, target, reason))
    return rows


def _move(path, target, reason):
    if not os.path.lexists(path):
        return  # a picture's file named by two items went with the first
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
