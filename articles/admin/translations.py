"""Translations in the admin: create one, filter them, and keep them up to date."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from ..forms import TranslationForm
from ..models import WorkflowError


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


class TranslationsAdminMixin:
    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None and request.method == "GET" and article.is_out_of_date:
            messages.warning(
                request,
                "The original has been corrected or updated since this translation was made. "
                "Bring it up to date, then use the action “Mark translation up to date”.",
            )
        return super().change_view(request, object_id, form_url, extra_context)

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
