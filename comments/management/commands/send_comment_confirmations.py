from django.core.management.base import BaseCommand

from comments.tasks import send_waiting_confirmations


class Command(BaseCommand):
    help = (
        "Send the commenters' confirmation links that could not be sent when they commented "
        "(the mail server was down). Celery beat runs it every few minutes."
    )

    def handle(self, *args, **options):
        sent, failed = send_waiting_confirmations()
        self.stdout.write(f"Sent {sent} confirmation link(s); {failed} could not be sent.")
