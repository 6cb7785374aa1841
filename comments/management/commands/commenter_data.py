import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from comments.models import Comment, ModerationLog

TOMBSTONE_REASON = "Erased at the commenter's request"


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
            erased, tombstones = self.erase(email)
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
        }

    @transaction.atomic
    def erase(self, email):
        comments = Comment.objects.by_email(email)
        with_replies = comments.filter(replies__isnull=False).distinct()
        tombstones = 0
        for comment in with_replies:
            ModerationLog.objects.create(
                comment=comment,
                from_status=comment.status,
                to_status=Comment.Status.REMOVED,
                reason=TOMBSTONE_REASON,
            )
            comment.name = comment.email = comment.text = ""
            comment.ip = comment.user = None
            comment.status = Comment.Status.REMOVED
            comment.save(update_fields=["name", "email", "text", "ip", "user", "status"])
            tombstones += 1
        # Replies of others stay; the commenter's own replies go with everything else.
        _, deleted = Comment.objects.by_email(email).delete()
        return deleted.get("comments.Comment", 0) + tombstones, tombstones
