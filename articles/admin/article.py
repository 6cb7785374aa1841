"""The article's page and list in the admin."""

from django.contrib import admin
from reversion_compare.admin import CompareVersionAdmin

from newsroom.admin_dates import DateDrillDownGuard

from ..forms import ArticleAdminForm
from ..models import STEPS, Article, Correction, Credit, ReaderState
from .credits import CreditsAdminMixin, CreditsCheckFilter
from .revisions import RevisionsAdminMixin
from .translations import TranslationFilter, TranslationsAdminMixin
from .workflow import WorkflowAdminMixin, step_action


class ArticleChildInline:
    """Credits and corrections follow the article: whoever may not edit it may not edit them."""

    def _article_allows(self, request, obj):
        return obj is None or obj.can_be_edited_by(request.user)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._article_allows(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._article_allows(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._article_allows(request, obj)


class CreditInline(ArticleChildInline, admin.TabularInline):
    model = Credit
    extra = 0
    autocomplete_fields = ["contributor"]
    fields = ["position", "role", "contributor", "place", "language"]


class CorrectionInline(ArticleChildInline, admin.StackedInline):
    model = Correction
    extra = 0
    fields = ["published_at", ("wrong", "right"), "text"]


@admin.register(Article)
class ArticleAdmin(
    DateDrillDownGuard,
    WorkflowAdminMixin,
    RevisionsAdminMixin,
    TranslationsAdminMixin,
    CreditsAdminMixin,
    CompareVersionAdmin,
):
    form = ArticleAdminForm
    change_list_template = "admin/articles/article/change_list.html"
    list_display = ["headline", "status_label", "section", "language", "credited", "publish_at"]
    list_filter = ["status", "section", "language", TranslationFilter, CreditsCheckFilter]
    list_select_related = ["section"]
    search_fields = ["headline", "standfirst", "slug", "credits__contributor__name"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["translation_of"]
    inlines = [CreditInline, CorrectionInline]
    # The publish time changes only through the Publish step, which records it.
    readonly_fields = [
        "status",
        "publish_at",
        "credit_line_preview",
        "first_published_at",
        "updated_at",
        "workflow_history",
        "credits_check",
    ]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body", "opened_token"]}),
        ("Dateline", {"fields": [("dateline_place", "dateline_agency")]}),
        (
            "Placement",
            {"fields": ["section", "language", "translation_of", "credit_style", "comment_policy"]},
        ),
        (
            "Lead image",
            {
                "fields": [
                    "lead_image",
                    "lead_image_caption",
                    "lead_image_alt",
                    "lead_image_credit",
                ]
            },
        ),
        (
            "Status",
            {
                "fields": [
                    "status",
                    "publish_at",
                    "embargo_until",
                    "first_published_at",
                    "updated_at",
                    "minor_edit",
                    "credit_line_preview",
                    "workflow_history",
                    "notes",
                    "credits_to_check",
                    "credits_check",
                ]
            },
        ),
    ]
    actions = [
        *(step_action(step) for step in STEPS.values() if step.bulk),
        "create_translation",
        "mark_up_to_date",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_credits()

    @admin.display(description="Status", ordering="status")
    def status_label(self, obj):
        if obj.reader_state == ReaderState.LIVE:
            return obj.get_status_display()
        return obj.reader_state.label

    @admin.display(description="Credited")
    def credited(self, obj):
        names = ", ".join(dict.fromkeys(c.contributor.name for c in obj.credits.all()))
        return f"{names} (credits need checking)" if obj.credits_to_check else names

    @admin.display(description="Credit line")
    def credit_line_preview(self, obj):
        return obj.credit_line if obj.pk else "—"

    # Permissions: model-level from the user's groups, object-level from the article.

    def has_change_permission(self, request, obj=None):
        if obj is not None:
            return obj.can_be_edited_by(request.user)
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None:
            return obj.can_be_deleted_by(request.user)
        return super().has_delete_permission(request, obj)

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    def has_translate_permission(self, request):
        return request.user.has_perm("articles.translate_article")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("articles.publish_article"):
            fields.append("embargo_until")
        return fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        # Restoring a revision brings back words and credits, never a workflow state.
        state_in_revision = obj.status
        for field, value in getattr(request, "article_workflow_state", {}).items():
            setattr(obj, field, value)
        super().save_model(request, obj, form, change)
        if getattr(request, "recovering_article", False):
            obj.record_recovery(request.user, state_in_revision)
        if change:
            obj.record_update(request.user, minor=form.cleaned_data.get("minor_edit"))

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Correction:
            for correction in formset.new_objects:
                form.instance.corrected(correction)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        if not add and form.instance.is_public:
            kind = "Minor edit" if form.cleaned_data.get("minor_edit") else "Substantive update"
            message.append({"changed": {"fields": [kind]}})
        return message
