import difflib

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from articles.html import html_to_text
from articles.models import Article
from newsroom.admin_actions import TickedIdsMixin

from . import versions
from .models import HeldVersion, InboxFile, WireAgency, WireStory


class EditorsReadMixin:
    """Editors read what the wire did; nobody adds or edits it by hand."""

    def has_module_permission(self, request):
        return Article.may_publish(request.user) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return Article.may_publish(request.user) or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def story_link(article):
    if article is None:
        return "–"
    url = reverse("admin:articles_article_change", args=[article.pk])
    return format_html('<a href="{}">{}</a>', url, Truncator(article.headline).chars(60))


@admin.register(InboxFile)
class InboxFileAdmin(EditorsReadMixin, admin.ModelAdmin):
    """What became of each file dropped into the wire inbox; editors read it, nobody edits it."""

    list_display = ["file", "outcome", "received_at", "version_created", "story", "reason_short"]
    list_filter = ["outcome", "received_at"]
    search_fields = ["name", "reason", "sha256"]
    date_hierarchy = "received_at"
    readonly_fields = [field.name for field in InboxFile._meta.fields]

    @admin.display(description="file", ordering="name")
    def file(self, obj):
        return str(obj)

    @admin.display(description="story or picture")
    def story(self, obj):
        if obj.picture_id:
            url = reverse("admin:library_libraryimage_change", args=[obj.picture_id])
            return format_html('<a href="{}">{}</a>', url, Truncator(str(obj.picture)).chars(60))
        return story_link(obj.article)

    @admin.display(description="reason")
    def reason_short(self, obj):
        short = Truncator(obj.reason).chars(120)
        held = obj.outcome == InboxFile.Outcome.HELD and (
            HeldVersion.objects.filter(article_id=obj.article_id, state="waiting").first()
        )
        if held:
            url = reverse("admin:wire_heldversion_compare", args=[held.pk])
            return format_html('{} <a href="{}">Compare</a>', short, url)
        return short

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "picture")


@admin.register(WireStory)
class WireStoryAdmin(EditorsReadMixin, admin.ModelAdmin):
    """Each wire story's source times (the agency's clock), the newest version received."""

    list_display = [
        "story",
        "agency",
        "language_tag",
        "first_created",
        "version_created",
        "updated_at",
    ]
    search_fields = ["article__headline", "uris", "agency"]
    readonly_fields = [
        "article",
        "agency",
        "language_tag",
        "uris",
        "first_created",
        "version_created",
    ]
    exclude = ["words_hash"]

    @admin.display(description="story")
    def story(self, obj):
        return story_link(obj.article)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")


@admin.register(HeldVersion)
class HeldVersionAdmin(EditorsReadMixin, admin.ModelAdmin):
    """Wire versions waiting beside the desk's: compare, then apply or dismiss."""

    list_display = [
        "headline",
        "story",
        "why",
        "version_created",
        "received_at",
        "state",
        "compare",
    ]
    list_filter = ["state"]
    readonly_fields = [field.name for field in HeldVersion._meta.fields]

    @admin.display(description="story now")
    def story(self, obj):
        return story_link(obj.article)

    @admin.display(description="")
    def compare(self, obj):
        url = reverse("admin:wire_heldversion_compare", args=[obj.pk])
        return format_html('<a href="{}">Compare</a>', url)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def get_urls(self):
        view = self.admin_site.admin_view(self.compare_view)
        return [
            path("<int:pk>/compare/", view, name="wire_heldversion_compare"),
            *super().get_urls(),
        ]

    def compare_view(self, request, pk):
        held = get_object_or_404(HeldVersion.objects.select_related("article"), pk=pk)
        if not self.has_view_permission(request, held):
            raise PermissionDenied
        article = held.article
        waiting = held.state == HeldVersion.State.WAITING
        if request.method == "POST" and waiting:
            if "apply" in request.POST:
                versions.apply_held(held, request.user)  # Article.edit checks who may
                messages.success(request, f"The wire's version of “{held.headline}” is applied.")
            else:
                versions.dismiss_held(held)
                messages.success(request, "The wire's version is dismissed; the desk's stays.")
            return redirect("admin:articles_article_change", article.pk)
        desk = _lines(article.headline, article.standfirst, article.body)
        wire = _lines(held.headline, held.standfirst, held.body)
        table = difflib.HtmlDiff(wrapcolumn=70).make_table(
            desk, wire, "The desk's version (now)", "The wire's version (held)", context=False
        )
        return TemplateResponse(
            request,
            "admin/wire/compare.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": f"Compare: {held.headline}",
                "held": held,
                "article": article,
                "waiting": waiting,
                "may_apply": waiting and article.can_be_edited_by(request.user),
                "table": table,
            },
        )


def _lines(headline, standfirst, body):
    return [headline, standfirst, *html_to_text(body).splitlines()]


@admin.register(WireAgency)
class WireAgencyAdmin(TickedIdsMixin, admin.ModelAdmin):
    """Agencies that push copy; a token is made with ``manage.py wire_agency_token``."""

    list_display = ["name", "slug", "active"]
