from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from comments.models import Comment, Report


class Command(BaseCommand):
    help = "Forget the IP addresses of comments and reports older than COMMENTS_IP_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep addresses this many days (default: the COMMENTS_IP_RETENTION_DAYS setting).",
        )

    def handle(self, *args, days=None, **options):
        days = settings.COMMENTS_IP_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        comments = Comment.objects.filter(created_at__lt=cutoff, ip__isnull=False).update(ip=None)
        reports = (
            Report.objects.filter(created_at__lt=cutoff)
            .exclude(ip_hash="", network_hash="")
            .update(ip_hash="", network_hash="")
        )
        self.stdout.write(
            f"Purged the IP addresses of {comments} comment(s) and {reports} report(s) "
            f"older than {days} days."
        )
