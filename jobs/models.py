"""
Background work kept in the database: mail waiting to go out (the outbox) and tasks
that gave up after their retries.

A mail is a row written in the same transaction as the change that made it necessary,
so a process that dies after the commit loses nothing: a task sends the row, and a
periodic one sends whatever is still due (README "Background work").
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

# A mail claimed this long ago and still not sent: its worker died while sending it.
SENDING_LEASE = timedelta(minutes=10)


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now=None):
        """Waiting mail whose time has come, and mail whose sender died while sending it."""
        now = now or timezone.now()
        return self.filter(
            models.Q(status=OutgoingMail.Status.WAITING, next_attempt_at__lte=now)
            | models.Q(status=OutgoingMail.Status.SENDING, claimed_at__lte=now - SENDING_LEASE)
        )


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", "waiting"
        SENDING = "sending", "sending"
        SENT = "sent", "sent"
        FAILED = "failed", "failed"

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    about = models.CharField(max_length=200, blank=True, help_text="What the mail tells of.")
    subject = models.CharField(max_length=500)
    body = models.TextField()
    from_email = models.CharField(max_length=254)
    to = models.JSONField(help_text="The recipients' addresses.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "outgoing mail"
        verbose_name_plural = "outgoing mail"
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return self.subject

    def retry_delay(self):
        """The pause after this many failed attempts: doubling, at most an hour."""
        return timedelta(
            seconds=min(3600, settings.OUTBOX_RETRY_SECONDS * 2 ** (self.attempts - 1))
        )


class FailedTask(models.Model):
    """A background task that failed after all its retries; an admin may run it again."""

    failed_at = models.DateTimeField(default=timezone.now, db_index=True)
    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    error = models.TextField()
    run_again_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-failed_at"]

    def __str__(self):
        return f"{self.task} ({timezone.localtime(self.failed_at):%Y-%m-%d %H:%M})"
