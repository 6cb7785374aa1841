from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, create


class Command(BaseCommand):
    help = (
        "Write the whole newsroom (users, articles with their credits, revisions and "
        "history, comments and their logs, uploaded media) into one .tar.gz file."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to write, e.g. newsroom-2026-05-01.tar.gz")

    def handle(self, path, **options):
        try:
            manifest = create(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        summary = ", ".join(f"{n} {label}" for label, n in manifest["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}: {summary}."))
