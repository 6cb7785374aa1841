import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from comments.models import Comment, Confirmation


class Command(BaseCommand):
    help = (
        "Export (as JSON) or erase everything a commenter posted, found by email address. "
        "Erasing leaves a tombstone where a comment has replies, so threads stay readable."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", metavar="EMAIL", help="Print the commenter's data as JSON.")
        action.add_argument("--erase", metavar="EMAIL", help="Erase the commenter's comments.")

    def handle(self, *args, export=None, erase=None, **options):
        email = (export or erase).strip()
        if "@" not in email:
            raise CommandError(f"“{email}” is not an email address.")
        if export:
            self.stdout.write(json.dumps(self.export(email), cls=DjangoJSONEncoder, indent=2))
        else:
            erased, tombstones = Comment.objects.by_email(email).erase()
            Confirmation.objects.filter(email__iexact=email).delete()
            self.stdout.write(
                f"Erased {erased} comment(s) by {email}; "
                f"{tombstones} left as “comment removed” because others replied to them."
            )

    def export(self, email):
        comments = Comment.objects.by_email(email).select_related("article", "parent")
        return {
            "email": email,
            "comments": [
                {
                    "id": c.pk,
                    "article": c.article.headline,
                    "article_url": c.article.get_absolute_url(),
                    "in_reply_to": c.parent_id,
                    "name": c.name,
                    "email": c.email,
                    "text": c.text,
                    "status": c.status,
                    "created_at": c.created_at,
                    "ip": c.ip,
                }
                for c in comments
            ],
            "confirmations": list(
                Confirmation.objects.filter(email__iexact=email)
                .order_by("created_at")
                .values("created_at", "sent_at", "confirmed_at", "comment_id")
            ),
        }
