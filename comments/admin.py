from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from newsroom.admin_actions import TickedIdsMixin
from newsroom.admin_dates import DateDrillDownGuard

from .models import (
    BAN_PERMISSIONS,
    MODERATE_PERMISSION,
    BannedCommenter,
    BannedWord,
    Comment,
    Confirmation,
    ModerationLog,
    Report,
)
from .queue_rows import COMMON_REASONS, QueueColumnsMixin, decisions_for


class StatusFilter(admin.SimpleListFilter):
    """The queue opens on pending comments; the other statuses are one click away."""

    title = "status"
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, (self.ALL, "All")]

    def value(self):
        return super().value() or Comment.Status.PENDING

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(status=self.value())

    def choices(self, changelist):
        # As Django's own, without its "All" entry: no value here means pending.
        counts = self.get_facet_queryset(changelist) if changelist.add_facets else None
        for i, (lookup, title) in enumerate(self.lookup_choices):
            if counts is not None:
                title = f"{title} ({counts.get(f'{i}__c', '-')})"
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class ModerationActionForm(ActionForm):
    reason = forms.CharField(
        required=False,
        max_length=250,
        label="Reason",
        widget=forms.TextInput(attrs={"placeholder": "Reason, kept in the log", "size": 30}),
    )


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReportInline(ReadOnlyInline):
    model = Report
    fields = readonly_fields = ["created_at", "reason", "weight"]


class ModerationLogInline(ReadOnlyInline):
    model = ModerationLog
    fields = readonly_fields = ["created_at", "user", "from_status", "to_status", "reason"]
    verbose_name_plural = "Moderation log"


def earlier_comments():
    return Comment.objects.filter(email=OuterRef("email"), created_at__lt=OuterRef("created_at"))


def approved_history():
    """How many of the same commenter's earlier comments were approved."""
    others = (
        earlier_comments().approved().order_by().values("email").annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(others, output_field=IntegerField()), Value(0))


def all_history():
    others = earlier_comments().order_by().values("email").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(others, output_field=IntegerField()), Value(0))


def report_total():
    reports = (
        Report.objects.filter(comment=OuterRef("pk"))
        .order_by()
        .values("comment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(reports, output_field=IntegerField()), Value(0))


def decision_action(decision):
    """The queue's bulk action for one of Comment.DECISIONS, named <method>_selected."""

    @admin.action(description=decision.action, permissions=["moderate"])
    def action(modeladmin, request, queryset):
        modeladmin.decide_selected(request, queryset, decision)

    action.__name__ = f"{decision.name}_selected"
    return action


class CappedCountPaginator(Paginator):
    """Counts a queue up to a cap: "10,001" then means "more than 10,000", in milliseconds."""

    CAP = 10_000

    @cached_property
    def count(self):
        return self.object_list.order_by().values("pk")[: self.CAP + 1].count()


@admin.register(Comment)
class CommentAdmin(TickedIdsMixin, QueueColumnsMixin, admin.ModelAdmin):
    # A date filter, not a date hierarchy: listing the years and months of a queue of
    # millions reads all of it; the filter's ranges use the (status, created_at) index.
    list_filter = [StatusFilter, ("created_at", admin.DateFieldListFilter), "article__section"]
    list_select_related = ["article"]
    search_fields = ["name", "email", "text", "article__headline"]
    list_per_page = 50
    paginator = CappedCountPaginator
    show_full_result_count = False
    action_form = ModerationActionForm
    actions = [*map(decision_action, Comment.DECISIONS.values()), "ban_commenters"]
    # The comment first, read in full; who wrote it and where it stands beside it.
    fieldsets = [
        ("Comment", {"fields": ["text", "on_article", "parent", "created_at"]}),
        ("Commenter", {"fields": ["name", "email", "history", "user", "ip"]}),
        ("Moderation", {"fields": ["status", "held_reason"]}),
    ]
    readonly_fields = [
        "text",
        "on_article",
        "parent",
        "created_at",
        "name",
        "email",
        "history",
        "user",
        "ip",
        "status",
        "held_reason",
    ]
    inlines = [ReportInline, ModerationLogInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            # Subqueries, never joins: the paginator's count leaves them out, and
            # PostgreSQL runs them for the shown page only, not the whole queue.
            .annotate(
                report_total=report_total(),
                approved_before=approved_history(),
                comments_before=all_history(),
            )
        )

    @admin.display(description="Article", ordering="article__headline")
    def on_article(self, obj):
        # The public page, never the article editing tools.
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.article.headline)

    @admin.display(description="History")
    def history(self, obj):
        if not obj.comments_before:
            return "First comment"
        return f"{obj.approved_before} of {obj.comments_before} earlier approved"

    # Comments change state through decisions, which keep the log; never by editing.

    def get_urls(self):
        return [
            path(
                "<path:object_id>/decide/",
                self.admin_site.admin_view(require_POST(self.decide_view)),
                name="comments_comment_decide",
            ),
        ] + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_decide": self.has_moderate_permission(request),
            "reasons": COMMON_REASONS,
            "decisions_with_keys": [d for d in Comment.DECISIONS.values() if d.key],
        }
        return super().changelist_view(request, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_moderate_permission(request):
            context["decisions"] = [(d.name, d.button) for d in decisions_for(obj)]
            context["reasons"] = COMMON_REASONS
        return super().render_change_form(request, context, add, change, form_url, obj)

    def decide_view(self, request, object_id):
        """One decision from the comment's own page, where a moderator read it in full."""
        comment = self.get_object(request, object_id)
        decision = request.POST.get("decision")
        if comment is None or decision not in Comment.DECISIONS:
            raise Http404("No such comment or decision.")
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        reason = request.POST.get("reason", "").strip()
        if comment.decide(decision, request.user, reason) is None:
            self.message_user(request, "The comment already had that status.", messages.WARNING)
        else:
            self.message_user(
                request,
                f"Comment by {comment.name} is now {comment.get_status_display().lower()}.",
                messages.SUCCESS,
            )
        back = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(back)
        return redirect(reverse("admin:comments_comment_changelist"))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting would take the append-only moderation log with it: remove instead.
        return False

    def has_moderate_permission(self, request):
        return request.user.has_perm(MODERATE_PERMISSION)

    def has_ban_permission(self, request):
        return request.user.has_perms(BAN_PERMISSIONS)

    def decide_selected(self, request, queryset, decision):
        reason = request.POST.get("reason", "").strip()
        changed = 0
        try:
            for comment in queryset:
                if comment.decide(decision.name, request.user, reason) is not None:
                    changed += 1
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        unchanged = len(queryset) - changed
        text = f"{decision.done}: {changed} comment{'s' if changed != 1 else ''}."
        if unchanged:
            text += f" {unchanged} already had that status."
        self.message_user(request, text, messages.SUCCESS)

    @admin.action(
        description="Ban the commenters and mark all their waiting comments as spam",
        permissions=["ban"],
    )
    def ban_commenters(self, request, queryset):
        reason = request.POST.get("reason", "").strip()
        emails = [comment.email for comment in queryset]
        bans, _ = BannedCommenter.ban(emails, request.user, reason, comments=queryset)
        self.message_user(request, f"Banned {len(bans)} commenter(s).", messages.SUCCESS)


@admin.register(ModerationLog)
class ModerationLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "comment", "user", "from_status", "to_status", "reason"]
    list_filter = ["to_status"]
    list_select_related = ["comment__article", "user"]
    search_fields = ["reason", "comment__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BannedWord)
class BannedWordAdmin(TickedIdsMixin, admin.ModelAdmin):
    list_display = ["word", "action", "created_at"]
    list_editable = ["action"]
    list_filter = ["action"]
    search_fields = ["word"]


@admin.register(BannedCommenter)
class BannedCommenterAdmin(TickedIdsMixin, admin.ModelAdmin):
    list_display = ["email", "reason", "created_at", "created_by"]
    search_fields = ["email", "reason"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        # A ban typed in by hand does what the queue's ban action does: waiting comments go.
        bans, spammed = BannedCommenter.ban([obj.email], request.user, obj.reason)
        obj.pk = bans[0].pk
        if spammed:
            self.message_user(request, f"{len(spammed)} waiting comment(s) marked as spam.")


@admin.register(Confirmation)
class ConfirmationAdmin(DateDrillDownGuard, admin.ModelAdmin):
    """Whether a commenter got their link and used it: for moderators answering mail."""

    list_display = ["email", "created_at", "sent_at", "attempts", "confirmed_at", "comment"]
    list_filter = [
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("sent_at", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["comment__article"]
    search_fields = ["email"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Erased with the commenter's other data (manage.py commenter_data --erase).
        return False
