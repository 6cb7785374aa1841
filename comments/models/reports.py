"""Readers' reports on public comments, and how much a set of them weighs."""

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    class Reason(models.TextChoices):
        ABUSE = "abuse", _("Abusive or hateful")
        SPAM = "spam", _("Spam or advertising")
        PERSONAL = "personal", _("Reveals personal information")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    comment = models.ForeignKey("Comment", on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(default=timezone.now)
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    # The reporter's network (IPv4 /24, IPv6 /64), hashed: one household or office counts once.
    network_hash = models.CharField(max_length=64, blank=True, editable=False)
    weight = models.PositiveSmallIntegerField(
        default=1,
        editable=False,
        help_text="More than 1 when the reporter's own comments were approved.",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.comment_id})"


def weight_of(reports):
    """What reports (network_hash, weight) add up to: each network once, at its heaviest."""
    heaviest = {}
    for network, weight in reports:
        heaviest[network] = max(heaviest.get(network, 0), weight)
    return sum(heaviest.values())


def held_reason_for_reports(reasons):
    # Stored for the moderators, in the site's language rather than the reporter's.
    with translation.override(settings.LANGUAGE_CODE):
        labels = {value: str(label) for value, label in Report.Reason.choices}
    counted = {}
    for reason in reasons:
        counted[reason] = counted.get(reason, 0) + 1
    parts = ", ".join(
        f"{labels.get(reason, reason).lower()} ({n})"
        for reason, n in sorted(counted.items(), key=lambda item: -item[1])
    )
    return f"Reported {len(reasons)} times: {parts}"
