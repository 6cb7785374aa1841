from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, restore


class Command(BaseCommand):
    help = (
        "Load a backup made by backup_newsroom into this database and media directory, "
        "all or nothing. Refuses a database that already has content unless --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .tar.gz file made by backup_newsroom")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the articles, comments, users and revisions already here first.",
        )

    def handle(self, path, replace=False, **options):
        try:
            manifest = restore(path, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from None
        summary = ", ".join(f"{n} {label}" for label, n in manifest["counts"].items())
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup of {manifest['created']}: {summary}.")
        )
