"""The top of the home page: stories pinned in order, and the breaking-news banner."""

from django.contrib import admin
from django.utils import timezone

from newsroom.admin_actions import TickedIdsMixin
from newsroom.admin_autocomplete import KnownKeysAutocompleteMixin
from newsroom.admin_moments import KeepsStoredMoments

from ..models import BreakingNews, FrontPageSlot
from .article import DATE_TIME_BOXES


class ExpiringAdmin(TickedIdsMixin, KnownKeysAutocompleteMixin, admin.ModelAdmin):
    form = KeepsStoredMoments
    autocomplete_fields = ["article"]
    formfield_overrides = DATE_TIME_BOXES  # the date and the time boxes each labelled

    @admin.display(description="Readers see it now", boolean=True)
    def is_showing(self, obj):
        return obj.until > timezone.now() and obj.article.is_public


@admin.register(FrontPageSlot)
class FrontPageSlotAdmin(ExpiringAdmin):
    """Position 1 is the lead story; each leaves the top of the home page at its time."""

    list_display = ["position", "article", "until", "is_showing"]
    list_display_links = ["article"]
    fields = ["article", "position", "until"]


@admin.register(BreakingNews)
class BreakingNewsAdmin(ExpiringAdmin):
    list_display = ["text", "article", "until", "is_showing"]
    fields = ["text", "article", "until"]
