import hashlib
import hmac
from dataclasses import dataclass
from functools import partialmethod

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models.functions import Upper
from django.utils import timezone

from articles.models import Article
from newsroom.clientip import network_of

from .reports import Report, held_reason_for_reports, weight_of

MODERATE_PERMISSION = "comments.moderate_comment"
# Why a comment that trust would publish waits: its author has yet to click the mailed link.
AWAITING_CONFIRMATION = "Waiting for the commenter to confirm it"


def normalize_email(email):
    """Addresses are kept in lower case: one commenter, one address, however typed."""
    return email.strip().lower()


def hash_ip(ip):
    """A keyed digest: lets us recognise one address again without keeping it."""
    if not ip:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()


ERASED_REASON = "Erased at the commenter's request"


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """What readers may see: approved comments, and nothing else."""
        return self.filter(status=Comment.PUBLIC_STATUS)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def by_email(self, email):
        return self.filter(email__iexact=email.strip())

    def erase(self):
        """Erase these comments, at their author's request: (erased, left as tombstones).

        A comment others replied to stays as an empty "removed" tombstone, with the
        step in its log, so their replies keep their place in the thread.
        """
        with transaction.atomic():
            tombstones = 0
            for comment in self.filter(replies__isnull=False).distinct():
                ModerationLog.objects.create(
                    comment=comment,
                    from_status=comment.status,
                    to_status=Comment.Status.REMOVED,
                    reason=ERASED_REASON,
                )
                comment.name = comment.email = comment.text = ""
                comment.ip = comment.user = None
                comment.status = Comment.Status.REMOVED
                comment.save(update_fields=["name", "email", "text", "ip", "user", "status"])
                tombstones += 1
            # The author's own replies go with everything else; others' replies stay.
            _, deleted = self.exclude(status=Comment.Status.REMOVED, email="").delete()
        return deleted.get("comments.Comment", 0) + tombstones, tombstones


@dataclass(frozen=True)
class Decision:
    """What a moderator may decide about a comment, and the admin's words for it."""

    name: str  # the Comment method that makes it
    status: str  # the status it gives
    button: str  # on the comment's own admin page
    action: str  # the bulk action in the queue
    done: str  # as in "Approved: 2 comments."
    short: str = ""  # its button on each row of the queue; the page's button if empty
    key: str = ""  # the queue's keyboard shortcut; none for what is hard to undo by eye

    @property
    def row_button(self):
        return self.short or self.button


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"
        REMOVED = "removed", "Removed"

    # The one status readers see: approved() and is_public both ask for it.
    PUBLIC_STATUS = Status.APPROVED

    # Every decision the admin offers, as buttons and as bulk actions, comes from here.
    DECISIONS = {
        decision.name: decision
        for decision in [
            Decision(
                name="approve",
                status=Status.APPROVED,
                button="Approve",
                action="Approve selected comments",
                done="Approved",
                short="Approve",
                key="a",
            ),
            Decision(
                name="reject",
                status=Status.REJECTED,
                button="Reject",
                action="Reject selected comments",
                done="Rejected",
                short="Reject",
                key="r",
            ),
            Decision(
                name="mark_spam",
                status=Status.SPAM,
                button="Mark as spam",
                action="Mark selected comments as spam",
                done="Marked as spam",
                short="Spam",
                key="s",
            ),
            Decision(
                name="remove",
                status=Status.REMOVED,
                button="Remove from the site",
                action="Remove selected comments from the site",
                done="Removed",
                short="Remove",
            ),
        ]
    }

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text="The comment this one replies to; replies go one level deep.",
    )
    name = models.CharField(max_length=80)
    email = models.EmailField(help_text="Never shown to readers.")
    text = models.TextField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Set when a signed-in staff member wrote the comment.",
    )
    ip = models.GenericIPAddressField(
        "IP address", null=True, blank=True, help_text="Purged after a few weeks."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    held_reason = models.CharField(
        max_length=250, blank=True, help_text="Why the comment was held for moderation."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        permissions = [("moderate_comment", "Can approve, reject, remove and mark comments")]
        indexes = [
            # An article's approved comments in order, and the counts on lists.
            models.Index(
                fields=["article", "status", "created_at"], name="comment_article_status_time"
            ),
            # The moderation queue: by status, oldest or newest first.
            models.Index(fields=["status", "created_at"], name="comment_status_created"),
            models.Index(fields=["email", "created_at"], name="comment_email_created"),
            # by_email() compares without case (email__iexact is UPPER(email) = UPPER(...)).
            models.Index(Upper("email"), name="comment_email_upper"),
        ]

    def __str__(self):
        return f"{self.name} on “{self.article}”"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_public(self):
        return self.status == self.PUBLIC_STATUS

    @property
    def awaits_confirmation(self):
        return self.status == self.Status.PENDING and self.held_reason == AWAITING_CONFIRMATION

    @property
    def is_staff_comment(self):
        return self.user_id is not None

    # State changes: each one appends to the moderation log.

    def decide(self, name, by, reason=""):
        """Make one of DECISIONS; by is None when the system decides.

        Returns the log entry, or None when the comment already had that status.
        """
        return self._change(self.DECISIONS[name].status, by, reason)

    approve = partialmethod(decide, "approve")
    reject = partialmethod(decide, "reject")
    mark_spam = partialmethod(decide, "mark_spam")
    remove = partialmethod(decide, "remove")

    def hold(self, reason):
        """Back to the queue without a moderator: enough readers reported it."""
        return self._change(self.Status.PENDING, None, reason, held_reason=reason)

    def _change(self, to_status, by, reason, held_reason=None):
        if by is not None and not by.has_perm(MODERATE_PERMISSION):
            raise PermissionDenied("You may not moderate comments.")
        with transaction.atomic():
            # Judge the state as it is now: two moderators clicking at once log one change.
            current = Comment.objects.select_for_update().get(pk=self.pk)
            if current.status == to_status:
                self.status = current.status
                return None
            from_status, current.status = current.status, to_status
            fields = ["status"]
            if held_reason is not None:
                current.held_reason = held_reason[:250]
                fields.append("held_reason")
            current.save(update_fields=fields)
            self.status, self.held_reason = current.status, current.held_reason
            return ModerationLog.objects.create(
                comment=self,
                user=by,
                from_status=from_status,
                to_status=to_status,
                reason=reason,
            )

    def report(self, reason, ip=None, weight=1):
        """Record a reader's report; enough of them send the comment back to the queue.

        Reports from one network count once; weight is more than 1 for a reporter whose
        own comments were approved. Returns the report, or None when this address
        already reported the comment.
        """
        ip_hash = hash_ip(ip)
        network = network_of(ip)
        with transaction.atomic():
            if ip_hash and self.reports.filter(ip_hash=ip_hash).exists():
                return None
            report = Report.objects.create(
                comment=self,
                reason=reason,
                ip_hash=ip_hash,
                network_hash=hash_ip(str(network)) if network else "",
                weight=weight,
            )
            threshold = settings.COMMENTS_REPORT_THRESHOLD
            if self.is_public and threshold:
                reports = self.reports_since_review()
                weighed = reports.values_list("network_hash", "weight")
                if weight_of(weighed) >= threshold:
                    self.hold(held_reason_for_reports(reports.values_list("reason", flat=True)))
        return report

    def reports_since_review(self):
        """Reports a moderator has not yet answered by approving the comment again."""
        reviewed_at = (
            self.log.filter(to_status=self.Status.APPROVED, user__isnull=False)
            .order_by("-created_at")
            .values_list("created_at", flat=True)
            .first()
        )
        reports = self.reports.all()
        return reports.filter(created_at__gt=reviewed_at) if reviewed_at else reports


class ModerationLog(models.Model):
    """One decision on a comment: never edited, only added."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="log")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the system decided (rules, reports).",
    )
    created_at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=10, choices=Comment.Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Comment.Status.choices)
    reason = models.CharField(max_length=250, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "moderation log entry"
        verbose_name_plural = "moderation log"

    def __str__(self):
        origin = self.get_from_status_display() or "New"
        return f"{origin} → {self.get_to_status_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("The moderation log is append-only.")
        self.reason = self.reason[:250]
        super().save(*args, **kwargs)
