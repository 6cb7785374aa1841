"""
One .tar.gz holding the newsroom: its data (Django's serialised form) and its media files.

    newsroom-backup.json   what this is: format, when, how many of each thing
    data.json              users, groups, articles, credits, corrections, transitions,
                           revisions, comments and their logs, the desk's notices and
                           notification settings (a loaddata fixture)
    media/...              uploaded images, byte for byte

Media are read and written through Django's default storage, so a backup holds
them whether they live on local disk or in object storage.
"""

import datetime
import io
import itertools
import json
import os
import posixpath
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from . import upgrades

FORMAT = "newsroom-backup"
# 2: the media library and live coverage in apps of their own (upgrades.py reads 1).
VERSION = 2
MANIFEST = "newsroom-backup.json"
DATA = "data.json"
MEDIA = "media"

# What a newsroom is made of. Permissions and content types come with the migrations.
LABELS = ["auth.group", "auth.user", "library", "articles", "live", "reversion", "comments", "desk"]

# What makes a database "not empty": the migrations alone create none of these.
CONTENT = [
    "auth.User",
    "articles.Section",
    "articles.Contributor",
    "articles.Article",
    "comments.Comment",
    "reversion.Revision",
]


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why."""


def counts():
    return {label: apps.get_model(label).objects.count() for label in CONTENT}


class ExactJSONEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's own encoder keeps milliseconds only."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def dump_data():
    """What `dumpdata` writes, with times kept whole so a restore is exact."""
    models = []
    for label in LABELS:
        if "." in label:
            models.append(apps.get_model(label))
        else:
            models.extend(apps.get_app_config(label).get_models())
    ordered = serializers.sort_dependencies([(None, models)])
    objects = itertools.chain.from_iterable(m._base_manager.order_by("pk") for m in ordered)
    rows = serializers.serialize("python", objects, use_natural_foreign_keys=True)
    return json.dumps(rows, cls=ExactJSONEncoder, ensure_ascii=False, indent=1)


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def create(path):
    """Write the backup to `path`; returns the manifest."""
    path = Path(path)
    if not path.parent.is_dir():
        raise BackupError(f"There is no directory {path.parent} to write the backup into.")
    data = dump_data()
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": timezone.now().isoformat(),
        "counts": counts(),
    }
    # Written beside the target and renamed: a failed backup never leaves half a file.
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".backup-", suffix=".tar.gz")
    os.close(handle)
    try:
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
            _add_bytes(archive, DATA, data.encode())
            for name in _stored_media():
                with default_storage.open(name, "rb") as stored:
                    _add_bytes(archive, f"{MEDIA}/{name}", stored.read())
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return manifest


def _open(path):
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 - the caller closes it
        manifest = json.load(archive.extractfile(MANIFEST))
    except (tarfile.TarError, KeyError, OSError, ValueError, AttributeError, TypeError) as error:
        raise BackupError(
            f"{path} is not a Newsroom backup (made by backup_newsroom): {error}"
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        archive.close()
        raise BackupError(f"{path} is not a Newsroom backup (made by backup_newsroom).")
    if manifest.get("version") not in range(1, VERSION + 1):
        archive.close()
        raise BackupError(
            f"{path} is a backup of format {manifest.get('version')}; "
            f"this version of Newsroom reads formats 1 to {VERSION}."
        )
    return archive, manifest


def _empty_the_database():
    """Everything a backup holds, deleted (articles take credits, comments and logs along)."""
    for label in [
        "comments.BannedCommenter",
        "comments.BannedWord",
        "comments.Confirmation",
        "articles.FormerSlug",
        "articles.Article",
        "library.LibraryImage",
        "articles.Contributor",
        "articles.Section",
        "articles.Topic",
        "articles.CreditStyle",
        "articles.Place",
        "reversion.Revision",
    ]:
        apps.get_model(label).objects.all().delete()
    get_user_model().objects.all().delete()


def restore(path, replace=False):
    """Load a backup into this database and media directory; returns the manifest."""
    archive, manifest = _open(path)
    with archive, tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        members = [m for m in archive.getmembers() if m.isfile()]
        names = {m.name for m in members}
        if DATA not in names:
            raise BackupError(f"{path} has no data in it ({DATA} is missing).")
        # The "data" filter refuses absolute paths, links out and "..": nothing lands
        # outside the scratch directory whatever the archive says.
        wanted = [m for m in members if m.name == DATA or m.name.startswith(f"{MEDIA}/")]
        try:
            archive.extractall(scratch, members=wanted, filter="data")
        except (tarfile.TarError, OSError) as error:
            raise BackupError(f"{path} could not be read: {error}") from None

        with transaction.atomic():
            present = {label: n for label, n in counts().items() if n}
            if present and not replace:
                found = ", ".join(
                    f"{n} {label.split('.')[1].lower()}" for label, n in present.items()
                )
                raise BackupError(
                    f"This database is not empty ({found}). Nothing was changed. "
                    "Restore into an empty database, or use --replace to delete "
                    "what is there and put the backup in its place."
                )
            if present:
                _empty_the_database()
            if manifest["version"] != VERSION:
                _upgrade(scratch / DATA, manifest["version"])
            call_command("loaddata", str(scratch / DATA), verbosity=0)
            _copy_media(scratch / MEDIA)
    return manifest


def _upgrade(data_file, version):
    rows = json.loads(data_file.read_text(encoding="utf-8"))
    rows = upgrades.upgrade(rows, version, VERSION)
    data_file.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def _stored_media(folder=""):
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # nothing uploaded yet
        return
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for name in sorted(folders):
        yield from _stored_media(posixpath.join(folder, name))


def _copy_media(source):
    if not source.is_dir():
        return
    for file in sorted(source.rglob("*")):
        if file.is_file():
            name = PurePosixPath(file.relative_to(source)).as_posix()
            # Under its own name: saving over an existing file would pick another one.
            if default_storage.exists(name):
                default_storage.delete(name)
            with file.open("rb") as content:
                default_storage.save(name, File(content, name=name))
