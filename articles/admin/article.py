"""The article's page and list in the admin."""

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from reversion_compare.admin import CompareVersionAdmin

from newsroom.admin_actions import TickedIdsMixin
from newsroom.admin_autocomplete import KnownKeysAutocompleteMixin
from newsroom.admin_dates import DateDrillDownGuard

from .. import embeds, extensions
from ..bodypictures import with_pictures
from ..editor import allow_import_map
from ..forms import ArticleAdminForm, LabelledSplitDateTime
from ..models import STEPS, Article, Correction
from ..templatetags.article_admin import state_badges
from .credit_list import ArticleChildInline, CreditInline, CreditsAdminMixin
from .creditcheck import CreditsCheckFilter, CreditsCheckMixin
from .listing import ArticleListMixin
from .revisions import RevisionsAdminMixin
from .translations import TranslationFilter, TranslationsAdminMixin
from .workflow import WorkflowAdminMixin, step_action

DATE_TIME_BOXES = {models.DateTimeField: {"widget": LabelledSplitDateTime}}


class CorrectionInline(ArticleChildInline, admin.StackedInline):
    model = Correction
    extra = 0
    fields = ["published_at", ("wrong", "right"), "text"]
    formfield_overrides = DATE_TIME_BOXES


@admin.register(Article)
class ArticleAdmin(
    TickedIdsMixin,
    KnownKeysAutocompleteMixin,
    DateDrillDownGuard,
    ArticleListMixin,
    CreditsCheckMixin,
    CreditsAdminMixin,
    WorkflowAdminMixin,
    RevisionsAdminMixin,
    TranslationsAdminMixin,
    CompareVersionAdmin,
):
    form = ArticleAdminForm
    formfield_overrides = DATE_TIME_BOXES
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"
    extra_list_filter = [TranslationFilter, CreditsCheckFilter]
    search_fields = ["headline", "standfirst", "slug", "credits__contributor__name"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["translation_of", "lead_image"]  # topics: a plain labelled list
    inlines = [CreditInline, CorrectionInline]
    # The publish time changes only through the Publish step, which records it.
    readonly_fields = [
        "state",
        "publish_at",
        "first_published_at",
        "updated_at",
        "workflow_history",
        "credits_check",
    ]
    # The words and who wrote them in the main column (credits follow the body);
    # where and when the story goes in the side panel, next to the workflow buttons.
    fieldsets = [
        (
            None,
            {
                "fields": ["headline", "slug", "standfirst", "body", "opened_token"],
                "classes": ["desk-main"],
            },
        ),
        # Shown only when the wire sent credits no style could read (CreditsCheckMixin).
        (
            "Credits to check",
            {"fields": ["credits_check", "credits_to_check"], "classes": ["desk-main"]},
        ),
        (
            "Lead image",
            {
                "fields": ["lead_image"],
                "classes": ["desk-media"],
            },
        ),
        (
            "Publishing",
            {
                "fields": [
                    "state",
                    "publish_at",
                    "embargo_until",
                    "first_published_at",
                    "updated_at",
                    "minor_edit",
                ],
                "classes": ["desk-side"],
            },
        ),
        (
            "Placement",
            {
                "fields": [
                    "section",
                    "topics",
                    "language",
                    "translation_of",
                    "credit_style",
                    "comment_policy",
                ],
                "classes": ["desk-side"],
            },
        ),
        (
            "Dateline",
            {"fields": ["dateline_place", "dateline_agency"], "classes": ["desk-side"]},
        ),
        ("Internal notes", {"fields": ["notes"], "classes": ["desk-side"]}),
        ("History", {"fields": ["workflow_history"], "classes": ["desk-after"]}),
    ]
    actions = [
        *(step_action(step) for step in STEPS.values() if step.bulk),
        "create_translation",
        "mark_up_to_date",
    ]

    # What only a saved article has: a new one's side panel keeps what can be set.
    SAVED_ONLY = {"state", "publish_at", "first_published_at", "updated_at", "minor_edit"}

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        shown_as = {}
        if obj is None:
            left_out = self.SAVED_ONLY | {"workflow_history"}
        elif not self.has_change_permission(request, obj):
            # Read, not edited: the body as readers will see it, no editing bookkeeping.
            left_out = {"minor_edit", "opened_token"}
            shown_as = {"body": "body_as_read"}
        elif not obj.is_public:
            # Minor or substantive is a question about an edit readers could notice.
            left_out = {"minor_edit"}
        else:
            return fieldsets
        kept = []
        for name, options in fieldsets:
            fields = [
                shown_as.get(field, field) for field in options["fields"] if field not in left_out
            ]
            if fields:
                kept.append((name, {**options, "fields": fields}))
        return kept

    def get_queryset(self, request):
        return super().get_queryset(request).with_credits()

    def get_list_select_related(self, request):
        # What other apps attach to stories (live coverage) shows in the list's badges.
        return [*super().get_list_select_related(request), *extensions.relations()]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The body's editor loads its modules through an import map (articles/editor.py).
        return allow_import_map(
            super().changeform_view(request, object_id, form_url, extra_context)
        )

    def view_on_site(self, obj):
        # Readers' address once they can see it; until then the staff preview, never a 404.
        if obj.is_public:
            return obj.get_absolute_url()
        return reverse("articles:preview", args=[obj.pk])

    @admin.display(description="Body")
    def body_as_read(self, obj):
        # Sanitised when saved; its pictures drawn from the library, embeds as their links
        # (no frames in the admin).
        body = mark_safe(embeds.as_links(with_pictures(obj.body, obj)))  # noqa: S308
        return format_html('<div class="body-as-read">{}</div>', body)

    @admin.display(description="Status")
    def state(self, obj):
        return state_badges(obj) if obj.pk else "New"

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
        return Article.may_publish(request.user)

    def has_translate_permission(self, request):
        return Article.may_translate(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not Article.may_set_embargo(request.user):
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

    # Fields of the form that say how to save, not what the story holds.
    NOT_THE_STORY = {"opened_token", "minor_edit", "house_style", "step_note", "step_publish_at"}

    def story_edited(self, request, form, formsets):
        """Whether this save changes the story. A form sent back as it was opened is no
        update readers should be told of; a restored version is an edit, whatever its form says."""
        return bool(
            set(form.changed_data) - self.NOT_THE_STORY
            or any(formset.has_changed() for formset in formsets)
            or hasattr(request, "article_workflow_state")
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and self.story_edited(request, form, formsets):
            form.instance.record_update(request.user, minor=form.cleaned_data.get("minor_edit"))

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Correction:
            for correction in formset.new_objects:
                form.instance.corrected(correction)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        if not add and form.instance.is_public and self.story_edited(request, form, formsets):
            kind = "Minor edit" if form.cleaned_data.get("minor_edit") else "Substantive update"
            message.append({"changed": {"fields": [kind]}})
        return message
