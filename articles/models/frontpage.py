"""The top of the home page as editors set it: pinned stories and a breaking-news banner.

Both last until a time the editor sets and then stop by themselves: the home page goes
back to the newest stories and the banner comes down, with no one there to do it.
"""

from django.db import models
from django.db.models import Min
from django.utils import timezone

from .article import Article


class ExpiringQuerySet(models.QuerySet):
    def current(self):
        """What readers see now: not yet expired, and pointing at a story they can read."""
        return self.filter(until__gt=timezone.now()).filter(
            models.Q(article__isnull=True) | models.Q(article__in=Article.objects.published())
        )

    def next_expiry(self):
        return self.filter(until__gt=timezone.now()).aggregate(next=Min("until"))["next"]


class FrontPageSlot(models.Model):
    """A story pinned to the top of the home page; the first position is the lead story."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="front_page_slots")
    position = models.PositiveSmallIntegerField(
        default=1, help_text="1 is the lead story; the others follow it in this order."
    )
    until = models.DateTimeField(
        help_text="After this time the story leaves the top of the home page by itself."
    )

    objects = ExpiringQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "pinned story"
        verbose_name_plural = "pinned stories"

    def __str__(self):
        return f"{self.position}. {self.article}"


class BreakingNews(models.Model):
    """A banner across the top of every public page, linking to a story."""

    text = models.CharField(max_length=200, help_text="What readers read in the banner.")
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="breaking_news",
        help_text="The story the banner links to. It shows only while readers can see it.",
    )
    until = models.DateTimeField(help_text="After this time the banner comes down by itself.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ExpiringQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "breaking-news banner"

    def __str__(self):
        return self.text
