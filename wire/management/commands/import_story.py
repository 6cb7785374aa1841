from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Section, WorkflowError
from wire.importer import read_story, save_story, wire_desk_user
from wire.story import BadStory


class Command(BaseCommand):
    help = (
        "Import wire copy (plain text) or IPTC ninjs 2.x JSON files as articles, in review "
        "unless --publish is given. Prints the URL path of each article made or updated. "
        "All files go in together or not at all. A story whose credits need checking is "
        "imported all the same, with a warning (and exit status 1 with --strict)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--publish", action="store_true", help="Publish at once.")
        parser.add_argument("--section", metavar="SLUG", help="Section for the articles.")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Exit with status 1 when a story's credits need checking (it is imported).",
        )

    def handle(self, files, publish, section, strict=False, **options):
        chosen = None
        if section:
            chosen = Section.objects.filter(slug=section).first()
            if chosen is None:
                raise CommandError(f"No section with the slug “{section}”.")
        try:
            stories = [(path, read_story(self._read(path), path)) for path in files]
            with transaction.atomic():
                by = wire_desk_user()
                results = [save_story(story, by, publish, chosen) for _, story in stories]
        except (BadStory, PermissionDenied, WorkflowError) as error:
            raise CommandError(f"{error} Nothing was imported.") from None
        to_check = 0
        for (path, _), result in zip(stories, results, strict=True):
            self.stdout.write(result.article.get_absolute_url())
            if result.kind in ("held", "withdrawn"):
                self.stderr.write(f"{path}: {result.kind}: {result.notes[0]}")
            for note in result.notes:
                if note != result.check and result.kind not in ("held", "withdrawn"):
                    self.stderr.write(f"{path}: kept as a note on the article: {note}")
            if result.check:
                to_check += 1
                self.stderr.write(f"{path}: warning: credits need checking: {result.check}")
        if strict and to_check:
            raise CommandError(
                f"{to_check} of {len(results)} stories imported with credits that need "
                "checking (admin filter “Credits need checking”)."
            )

    def _read(self, path):
        try:
            return Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror}).") from None
