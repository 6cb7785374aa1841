from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.html import format_html

from articles.models import Article
from newsroom.admin_moments import KeepsStoredMoments

from .drafts import DraftsAdminMixin
from .models import Notice


class ReadFilter(admin.SimpleListFilter):
    title = "read"
    parameter_name = "read"

    def lookups(self, request, model_admin):
        return [("no", "Unread"), ("yes", "Read")]

    def queryset(self, request, queryset):
        if self.value() in ("no", "yes"):
            return queryset.filter(read_at__isnull=self.value() == "no")
        return queryset


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    """Each person's own notices; nobody sees anyone else's, nobody edits one."""

    list_display = ["created_at", "what", "kind", "read"]
    list_display_links = None
    list_filter = [ReadFilter, "kind"]
    list_per_page = 50
    actions = ["mark_read"]

    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": "Your notices", **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user=request.user)

    @admin.display(description="Notice")
    def what(self, obj):
        link = reverse("desk:open-notice", args=[obj.pk])
        note = format_html('<p class="notice-note">{}</p>', obj.text) if obj.text else ""
        return format_html('<a href="{}">{}</a>{}', link, obj.title, note)

    @admin.display(description="Read", boolean=True)
    def read(self, obj):
        return obj.is_read

    @admin.action(description="Mark as read", permissions=["view"])
    def mark_read(self, request, queryset):
        done = queryset.mark_read()
        self.message_user(request, f"Marked as read: {done} notice(s).")

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and (
            obj is None or obj.user_id == request.user.pk
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DraftsArticleAdmin(DraftsAdminMixin, type(admin.site.get_model_admin(Article))):
    """The story's admin as the apps below made it, keeping each person's unsaved changes."""


admin.site.unregister(Article)
admin.site.register(Article, DraftsArticleAdmin)


admin.site.unregister(User)


class StaffChangeForm(KeepsStoredMoments, UserChangeForm):
    """Django's form for a member of staff, keeping their joined and last-login moments."""


@admin.register(User)
class StaffAdmin(UserAdmin):
    form = StaffChangeForm
