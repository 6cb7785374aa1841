"""
The moderation queue's rows: a comment with who wrote it and where, why it
waits, and its decisions as one-click buttons (each row posts a form of its
own, outside the list's bulk-action form).
"""

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from .models import Comment, Report

# Offered when a moderator gives a reason; anything else can be typed.
COMMON_REASONS = [
    "Within the house rules",
    *(label for value, label in Report.Reason.choices if value != Report.Reason.OTHER),
    "Legal risk",
    "Duplicate",
]


def decisions_for(comment):
    """The decisions that would change this comment, in the table's order."""
    return [d for d in Comment.DECISIONS.values() if d.status != comment.status]


class QueueColumnsMixin:
    list_display = ["comment_cell", "context_cell", "decide_cell"]
    list_display_links = None

    def get_list_display(self, request):
        if self.has_moderate_permission(request):
            return self.list_display
        return [column for column in self.list_display if column != "decide_cell"]

    @admin.display(description="Comment", ordering="created_at")
    def comment_cell(self, obj):
        return format_html(
            '<p class="queue-text" id="comment-{}-text">{}</p>'
            '<p class="queue-meta"><strong>{}</strong> {} · <time datetime="{}">{}</time> · '
            'on <a href="{}">{}</a> · <a href="{}" class="queue-open">Read in full</a></p>',
            obj.pk,
            Truncator(obj.text).chars(400),
            obj.name,
            obj.email,
            obj.created_at.isoformat(),
            timezone.localtime(obj.created_at).strftime("%d %b %H:%M"),
            obj.get_absolute_url(),  # the public page, never the article editing tools
            obj.article.headline,
            reverse("admin:comments_comment_change", args=[obj.pk]),
        )

    @admin.display(description="Why it waits")
    def context_cell(self, obj):
        parts = []
        if obj.status != Comment.Status.PENDING:
            parts.append(
                format_html(
                    '<span class="state-badge comment-{}">{}</span>',
                    obj.status,
                    obj.get_status_display(),
                )
            )
        if obj.held_reason:
            parts.append(format_html('<span class="queue-held">{}</span>', obj.held_reason))
        if obj.report_total:
            label = "report" if obj.report_total == 1 else "reports"
            parts.append(
                format_html('<span class="queue-reports">{} {}</span>', obj.report_total, label)
            )
        parts.append(format_html('<span class="queue-history">{}</span>', self.history(obj)))
        return format_html_join("", "{}", ((part,) for part in parts))

    @admin.display(description="Decide")
    def decide_cell(self, obj):
        form = f"decide-{obj.pk}"
        buttons = format_html_join(
            "",
            '<button type="submit" form="{}" name="decision" value="{}" class="decision-{}"'
            ' aria-label="{} comment by {}"{}>{}</button>',
            (
                (
                    form,
                    d.name,
                    d.name,
                    d.row_button,
                    obj.name,
                    format_html(' aria-keyshortcuts="{}"', d.key.upper()) if d.key else "",
                    d.row_button,
                )
                for d in decisions_for(obj)
            ),
        )
        return format_html(
            '<label class="visually-hidden" for="reason-{}">Reason for the decision on the '
            "comment by {}</label>"
            '<input type="text" id="reason-{}" name="reason" form="{}" maxlength="250" '
            'list="moderation-reasons" placeholder="Reason (optional)" class="queue-reason">'
            '<div class="queue-buttons">{}</div>',
            obj.pk,
            obj.name,
            obj.pk,
            form,
            buttons,
        )
