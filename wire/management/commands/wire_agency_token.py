from django.core.management.base import BaseCommand

from wire.models import WireAgency


class Command(BaseCommand):
    help = (
        "Give an agency a new token for its push address (/wire/push/<slug>/), making the "
        "agency if it is new. The token is printed once; only its hash is kept, and the "
        "agency's previous token stops working."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--name", help="The agency's name (new agencies; default: slug).")

    def handle(self, slug, name=None, **options):
        agency, _ = WireAgency.objects.get_or_create(slug=slug, defaults={"name": name or slug})
        self.stdout.write(agency.new_token())
