"""The moderation queue and its helpers: the queue's address, the decisions, bulk actions."""

from django.urls import reverse

from comments.models import Comment

QUEUE = reverse("admin:comments_comment_changelist")
DECISIONS = list(Comment.DECISIONS.values())


def decision_id(decision):
    return decision.name


def run_action(client, action, comments, reason=""):
    return client.post(
        QUEUE,
        {
            "action": action,
            "_selected_action": [c.pk for c in comments],
            "reason": reason,
        },
        follow=True,
    )
