"""The article list: short columns, a badge per state, and the filters each role starts from."""

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from ..models import Article, ReaderState
from ..templatetags.article_admin import state_badges

LANGUAGE_NAMES = dict(settings.ARTICLE_LANGUAGES)


class MineFilter(admin.SimpleListFilter):
    """The stories someone wrote or is credited on."""

    title = "author"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", "Mine")]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.belonging_to(request.user)
        return queryset


class ReaderStateFilter(admin.SimpleListFilter):
    """Where stories stand for readers, as the badges say it (a scheduled story is not live)."""

    title = "status"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return ReaderState.choices

    def queryset(self, request, queryset):
        if self.value() in ReaderState.values:
            return queryset.with_reader_state().filter(reader_state_now=self.value())
        return queryset


def short_time(moment):
    """ "14 May 09:30", with the year when it is not this one: the list's column stays narrow."""
    local = timezone.localtime(moment)
    if local.year == timezone.localtime().year:
        return f"{local.day} {local:%b %H:%M}"
    return f"{local.day} {local:%b %Y %H:%M}"


class ArticleListMixin:
    list_display = ["headline", "state", "section", "lang", "credited", "publish_time"]
    list_select_related = ["section", "translation_of"]
    list_per_page = 50

    def get_list_filter(self, request):
        filters = [ReaderStateFilter, "section", "language", *self.extra_list_filter]
        # Reporters and translators start from their own stories; editors from the desk's.
        if Article.may_publish(request.user):
            return [*filters, MineFilter]
        return [MineFilter, *filters]

    @admin.display(description="Status")
    def state(self, obj):
        return state_badges(obj)

    @admin.display(description="Lang.", ordering="language")
    def lang(self, obj):
        return format_html(
            '<abbr title="{}">{}</abbr>',
            LANGUAGE_NAMES.get(obj.language, obj.language),
            obj.language.upper(),
        )

    @admin.display(description="Credits")
    def credited(self, obj):
        groups = {}
        for credit in obj.credits.all():  # prefetched by get_queryset
            groups.setdefault(credit.get_role_display(), []).append(credit.contributor.name)
        shown = format_html_join(
            "",
            '<span class="credit-group"><span class="credit-role">{}</span> {}</span>',
            ((role, ", ".join(dict.fromkeys(names))) for role, names in groups.items()),
        )
        if obj.credits_to_check:
            return format_html('{}<span class="credit-check">Credits need checking</span>', shown)
        return shown or "—"

    @admin.display(description="Publish time", ordering="publish_at")
    def publish_time(self, obj):
        if obj.publish_at is None:
            return "—"
        return format_html(
            '<time datetime="{}">{}</time>', obj.publish_at.isoformat(), short_time(obj.publish_at)
        )
