"""What became of each file dropped into the wire inbox."""

from django.db import models
from django.utils import timezone


class InboxFile(models.Model):
    class Outcome(models.TextChoices):
        IMPORTED = "imported", "imported"
        UPDATED = "updated", "updated"
        DUPLICATE = "duplicate", "already imported"
        REFUSED = "refused", "refused"

    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    name = models.CharField(max_length=255, help_text="The file's name as dropped.")
    sha256 = models.CharField(max_length=64, db_index=True, help_text="Of the file's bytes.")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.TextField(blank=True, help_text="Why it was refused, or what was noted.")
    article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kept_as = models.CharField(max_length=500, help_text="Where the file is now.")

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "wire inbox file"
        constraints = [
            # The same bytes never make or change a story twice, whatever the file's name.
            models.UniqueConstraint(
                fields=["sha256"],
                condition=models.Q(outcome__in=["imported", "updated"]),
                name="wire_inbox_imported_once",
            )
        ]

    def __str__(self):
        return self.name
