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
        "All files go in together or not at all."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--publish", action="store_true", help="Publish at once.")
        parser.add_argument("--section", metavar="SLUG", help="Section for the articles.")

    def handle(self, files, publish, section, **options):
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
        for (path, _), result in zip(stories, results, strict=True):
            self.stdout.write(result.article.get_absolute_url())
            for note in result.notes:
                self.stderr.write(f"{path}: kept as a note on the article: {note}")

    def _read(self, path):
        try:
            return Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror}).") from None
