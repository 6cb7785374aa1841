"""Corrections, as readers see them and as the newsroom records them."""

from django.conf import settings
from django.db import models
from django.db.models import Min
from django.utils import timezone

from .visibility import is_published_q


class CorrectionQuerySet(models.QuerySet):
    def due(self):
        """Corrections whose time has come: one dated later shows from that time."""
        return self.filter(published_at__lte=timezone.now())

    def public(self):
        """Corrections readers may see: due, on articles readers may see."""
        return self.due().filter(is_published_q(prefix="article__"))

    def next_due(self):
        """When the next correction dated in the future shows (the page cache turns then)."""
        later = self.filter(published_at__gt=timezone.now(), article__status="published")
        return later.aggregate(next=Min("published_at"))["next"]


class Correction(models.Model):
    """A dated notice shown to readers on the article, and on the corrections page."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="corrections")
    published_at = models.DateTimeField("date", default=timezone.now)
    wrong = models.TextField("what was wrong", blank=True, help_text="What the article said.")
    right = models.TextField("what is right", blank=True, help_text="What is true.")
    text = models.TextField(
        "notice",
        help_text="The notice readers see, e.g. “An earlier version of this article gave "
        "the wrong date for the vote. It was on Tuesday.”",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["published_at", "pk"]
        indexes = [
            # The corrections page and feed, newest first.
            models.Index(fields=["-published_at", "-id"], name="correction_newest"),
        ]

    def __str__(self):
        return f"Correction of {self.published_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#correction-{self.pk}"
