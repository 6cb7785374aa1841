from django.core.management.base import BaseCommand

from comments.confirmations import send_confirmation
from comments.models import Confirmation

# A link the mail server refused this often is given up on (a later comment brings a new one).
MAX_ATTEMPTS = 5


class Command(BaseCommand):
    help = (
        "Send the commenters' confirmation links that could not be sent when they commented "
        "(the mail server was down). Run every few minutes from cron."
    )

    def handle(self, *args, **options):
        waiting = Confirmation.objects.unsent().filter(attempts__lt=MAX_ATTEMPTS).order_by("pk")
        sent = failed = 0
        for pk in waiting.values_list("pk", flat=True):
            if send_confirmation(pk):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Sent {sent} confirmation link(s); {failed} could not be sent.")
