from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from articles.models import Article

from .models import InboxFile


@admin.register(InboxFile)
class InboxFileAdmin(admin.ModelAdmin):
    """What became of each file dropped into the wire inbox; editors read it, nobody edits it."""

    list_display = ["name", "outcome", "received_at", "story", "reason_short"]
    list_filter = ["outcome", "received_at"]
    search_fields = ["name", "reason", "sha256"]
    date_hierarchy = "received_at"
    readonly_fields = [field.name for field in InboxFile._meta.fields]

    @admin.display(description="story")
    def story(self, obj):
        if obj.article_id is None:
            return "–"
        url = reverse("admin:articles_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, Truncator(obj.article.headline).chars(60))

    @admin.display(description="reason")
    def reason_short(self, obj):
        return Truncator(obj.reason).chars(120)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def has_module_permission(self, request):
        return Article.may_publish(request.user) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return Article.may_publish(request.user) or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
