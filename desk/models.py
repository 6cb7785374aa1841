"""What the newsroom told each person, and which kinds of notice each person wants."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # on the settings page and the notice list
    description: str  # when it is sent, and to whom
    subject: str  # the email's subject, with {headline}


KINDS = {
    kind.name: kind
    for kind in [
        Kind(
            "submitted",
            "Stories to review",
            "A story is submitted for review. Sent to everyone who may publish.",
            "For review: “{headline}”",
        ),
        Kind(
            "returned",
            "Stories returned to you",
            "A story you wrote or are credited on is returned to its reporter with a note.",
            "Returned to you: “{headline}”",
        ),
        Kind(
            "published",
            "Your stories published",
            "A story you wrote or are credited on is published or scheduled.",
            "Published: “{headline}”",
        ),
        Kind(
            "withdrawn",
            "Your stories withdrawn",
            "A story you wrote or are credited on is withdrawn.",
            "Withdrawn: “{headline}”",
        ),
        Kind(
            "out_of_date",
            "Translations out of date",
            "The original of a translation you are credited on is corrected or updated.",
            "Translation out of date: {headline}",
        ),
    ]
}
KIND_CHOICES = [(kind.name, kind.label) for kind in KINDS.values()]


class NoticeQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def mark_read(self):
        return self.unread().update(read_at=timezone.now())


class Notice(models.Model):
    """One thing the newsroom told one person; read or not, it stays until they delete it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty once the article is deleted; the notice still says what happened.",
    )
    title = models.CharField(max_length=400)
    text = models.TextField(blank=True, help_text="The note that came with it, if any.")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A person's notices, newest first, and the unread count on every admin page.
            models.Index(fields=["user", "read_at", "-created_at"], name="notice_user_unread"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_read(self):
        return self.read_at is not None


class NoticeSetting(models.Model):
    """One person's choice for one kind of notice; without a row, both are on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_settings"
    )
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    on_desk = models.BooleanField("on my desk", default=True)
    by_email = models.BooleanField("by email", default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_notice_setting_per_kind"),
        ]

    def __str__(self):
        return f"{self.user}: {self.kind}"

    @classmethod
    def chosen(cls, users, kind):
        """{user id: (on desk, by email)} for those of ``users`` who changed the defaults."""
        rows = cls.objects.filter(user__in=users, kind=kind)
        return {row.user_id: (row.on_desk, row.by_email) for row in rows}
