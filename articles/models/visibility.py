"""
What readers may see of a story: one rule on its stored release moment (``release_at``),
in Python (``is_public_at``) and in SQL (``is_published_q``), and where a story stands
for readers whatever the workflow calls it (``ReaderState``).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from .workflow import Status


class ReaderState(models.TextChoices):
    """Where an article stands for readers, whatever the workflow calls it."""

    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    SCHEDULED = "scheduled", "Scheduled"
    EMBARGOED = "embargoed", "Embargoed"
    LIVE = "live", "Live"
    WITHDRAWN = "withdrawn", "Withdrawn"


def is_public_at(status, release_at, now=None):
    """The rule of what readers may see: published, its stored release moment past. The
    page cache asks it of the values before a change too; is_published_q() is it in SQL."""
    return (
        status == Status.PUBLISHED
        and release_at is not None
        and release_at <= (now or timezone.now())
    )


def is_published_q(prefix=""):
    """The condition of Article.objects.published(), on the article at ``prefix``."""
    # The status is implied by a release moment; asking for it lets the database use the
    # indexes of published stories (article_published_order, article_section_published).
    return Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}release_at__lte": timezone.now()})


def was_released_q(prefix=""):
    """Readers have seen the article: its release moment had passed while it was published.

    ``first_published_at`` keeps that moment (see WorkflowMixin.settle_release), so a story
    withdrawn before it was released never counts, whatever the clock says later.
    """
    return Q(**{f"{prefix}first_published_at__lte": timezone.now()})
