from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from reversion_compare.admin import CompareVersionAdmin

from .forms import ArticleAdminForm, TransitionForm, TranslationForm
from .models import (
    TRANSITIONS,
    Article,
    Contributor,
    Correction,
    Credit,
    CreditPhrase,
    CreditStyle,
    Section,
    WorkflowError,
)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "comment_policy"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]


class CreditPhraseInline(admin.TabularInline):
    model = CreditPhrase
    extra = 0


@admin.register(CreditStyle)
class CreditStyleAdmin(admin.ModelAdmin):
    list_display = ["name", "language", "for_translations", "conjunction", "place_preposition"]
    list_filter = ["language", "for_translations"]
    inlines = [CreditPhraseInline]


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


class TranslationFilter(admin.SimpleListFilter):
    title = "translation"
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            ("original", "Originals"),
            ("translation", "Translations"),
            ("out_of_date", "Translations out of date"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "original":
            return queryset.filter(translation_of__isnull=True)
        if self.value() == "translation":
            return queryset.filter(translation_of__isnull=False)
        if self.value() == "out_of_date":
            return queryset.out_of_date_translations()
        return queryset


@admin.register(Article)
class ArticleAdmin(CompareVersionAdmin):
    form = ArticleAdminForm
    change_list_template = "admin/articles/article/change_list.html"
    list_display = ["headline", "status_label", "section", "language", "credited", "publish_at"]
    list_filter = ["status", "section", "language", TranslationFilter]
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
                ]
            },
        ),
    ]
    actions = [
        "submit_selected",
        "publish_selected",
        "withdraw_selected",
        "create_translation",
        "mark_up_to_date",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_credits()

    @admin.display(description="Status", ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return "Scheduled"
        if obj.status == Article.Status.PUBLISHED and obj.is_embargoed:
            return "Embargoed"
        return obj.get_status_display()

    @admin.display(description="Credited")
    def credited(self, obj):
        return ", ".join(dict.fromkeys(c.contributor.name for c in obj.credits.all()))

    @admin.display(description="Credit line")
    def credit_line_preview(self, obj):
        return obj.credit_line if obj.pk else "—"

    @admin.display(description="Workflow history")
    def workflow_history(self, obj):
        if not obj.pk:
            return "—"
        rows = obj.transitions.select_related("user")
        return format_html(
            '<table class="workflow-history"><thead><tr><th>When</th><th>Who</th>'
            "<th>From</th><th>To</th><th>Note</th></tr></thead><tbody>{}</tbody></table>",
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                (
                    (
                        timezone.localtime(t.created_at).strftime("%Y-%m-%d %H:%M"),
                        t.user or "—",
                        t.get_from_status_display(),
                        t.get_to_status_display(),
                        t.note,
                    )
                    for t in rows
                ),
            )
            or mark_safe("<tr><td colspan=5>No changes of state yet.</td></tr>"),
        )

    # Permissions: model-level from the user's groups, object-level from the article.

    def has_change_permission(self, request, obj=None):
        if obj is not None:
            return obj.can_be_edited_by(request.user)
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != Article.Status.DRAFT:
            return request.user.has_perm(
                "articles.edit_any_article"
            ) and super().has_delete_permission(request, obj)
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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None and request.method == "GET" and article.is_out_of_date:
            messages.warning(
                request,
                "The original has been corrected or updated since this translation was made. "
                "Bring it up to date, then use the action “Mark translation up to date”.",
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        if not add and form.instance.is_public:
            kind = "Minor edit" if form.cleaned_data.get("minor_edit") else "Substantive update"
            message.append({"changed": {"fields": [kind]}})
        return message

    # Revisions. Reversion judges permissions on the restored copy, whose state may be
    # an old draft; these judge the article as it is now.

    def compare_view(self, request, object_id, extra_context=None):
        self._article_or_refuse(request, object_id, self.has_view_permission)
        return super().compare_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self._article_or_refuse(request, object_id, self.has_change_permission)
        request.article_workflow_state = {
            field: getattr(article, field) for field in Article.WORKFLOW_FIELDS
        }
        return super().revision_view(request, object_id, version_id, extra_context)

    def has_recover_permission(self, request):
        # A deleted article may have been live: only those who may delete bring one back.
        return self.has_delete_permission(request) and self.has_add_permission(request)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        # It may have been live when deleted; it comes back as a draft for an editor to publish.
        request.recovering_article = True
        request.article_workflow_state = {"status": Article.Status.DRAFT, "embargo_until": None}
        return super().recover_view(request, version_id, extra_context)

    def _article_or_refuse(self, request, object_id, permission):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such article.")
        if not permission(request, article):
            raise PermissionDenied
        return article

    # Workflow

    def get_urls(self):
        return [
            path(
                "<path:object_id>/workflow/<str:name>/",
                self.admin_site.admin_view(self.transition_view),
                name="articles_article_transition",
            ),
        ] + super().get_urls()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["transitions"] = [
                (name, rule["verb"].capitalize())
                for name, rule in TRANSITIONS.items()
                if obj.can_transition(request.user, name)
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def transition_view(self, request, object_id, name):
        article = self.get_object(request, object_id)
        if article is None or name not in TRANSITIONS:
            raise Http404("No such article or workflow step.")
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        form = TransitionForm(name, request.POST or None)
        if request.method == "POST" and form.is_valid():
            note = form.cleaned_data["note"]
            steps = {
                "submit": lambda: article.submit(request.user, note),
                "publish": lambda: article.publish(
                    request.user, form.cleaned_data.get("publish_at"), note
                ),
                "return": lambda: article.return_to_reporter(request.user, note),
                "withdraw": lambda: article.withdraw(request.user, note),
            }
            try:
                steps[name]()
            except (WorkflowError, PermissionDenied) as error:
                messages.error(request, str(error))
            else:
                messages.success(request, self._outcome(article))
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{TRANSITIONS[name]['verb'].capitalize()}: {article.headline}",
            "article": article,
            "form": form,
            "name": name,
            "allowed": article.can_transition(request.user, name),
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/article/transition.html", context)

    def _outcome(self, article):
        if article.is_scheduled:
            when = timezone.localtime(article.publish_at).strftime("%Y-%m-%d %H:%M %Z")
            return f"“{article.headline}” is scheduled for {when}."
        return f"“{article.headline}” is now {article.get_status_display().lower()}."

    def _bulk(self, request, queryset, name, call):
        done, refused = 0, []
        for article in queryset:
            try:
                call(article)
                done += 1
            except (WorkflowError, PermissionDenied) as error:
                refused.append(str(error))
        if done:
            self.message_user(
                request, f"{TRANSITIONS[name]['label']}: {done} article(s).", messages.SUCCESS
            )
        for reason in refused:
            self.message_user(request, reason, messages.ERROR)

    @admin.action(description="Submit selected articles for review", permissions=["change"])
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, "submit", lambda a: a.submit(request.user))

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish", lambda a: a.publish(request.user))

    @admin.action(description="Withdraw selected articles", permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._bulk(request, queryset, "withdraw", lambda a: a.withdraw(request.user))

    @admin.action(description="Mark translation up to date", permissions=["translate"])
    def mark_up_to_date(self, request, queryset):
        done = 0
        for article in queryset.select_related("translation_of"):
            try:
                article.mark_up_to_date(request.user)
                done += 1
            except (WorkflowError, PermissionDenied) as error:
                self.message_user(request, str(error), messages.ERROR)
        if done:
            self.message_user(request, f"Marked up to date: {done} translation(s).")

    @admin.action(description="Create translation", permissions=["translate"])
    def create_translation(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Choose exactly one article to translate.", messages.ERROR)
            return None
        original = queryset.get()
        own = getattr(request.user, "contributor", None)
        form = TranslationForm(
            original,
            request.POST if "apply" in request.POST else None,
            initial={"translator": own},
        )
        if "apply" in request.POST and form.is_valid():
            try:
                translation = original.create_translation(
                    request.user, form.cleaned_data["language"], form.cleaned_data["translator"]
                )
            except (WorkflowError, PermissionDenied) as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            self.message_user(
                request,
                f"Draft translation of “{original.headline}” created: translate it below.",
                messages.SUCCESS,
            )
            return redirect("admin:articles_article_change", translation.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Translate “{original.headline}”",
            "original": original,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/article/create_translation.html", context)
