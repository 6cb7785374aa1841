from django.core.management.base import BaseCommand

from comments.tasks import purge_comment_ips


class Command(BaseCommand):
    help = (
        "Forget the IP addresses of comments and reports older than COMMENTS_IP_RETENTION_DAYS. "
        "Celery beat runs it daily (the “Forget commenters' addresses” periodic task)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep addresses this many days (default: the COMMENTS_IP_RETENTION_DAYS setting).",
        )

    def handle(self, *args, days=None, **options):
        comments, reports, days = purge_comment_ips(days)
        self.stdout.write(
            f"Purged the IP addresses of {comments} comment(s) and {reports} report(s) "
            f"older than {days} days."
        )
