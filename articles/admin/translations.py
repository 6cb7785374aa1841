"""Translations in the admin: create one, filter them, and keep them up to date."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

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

    def get_urls(self):
        return [
            path(
                "<path:object_id>/translate/",
                self.admin_site.admin_view(self.translate_view),
                name="articles_article_translate",
            ),
        ] + super().get_urls()

    def translations_panel(self, request, article):
        """The original's translations, each with its state, and the languages it may
        still be translated into (for the change page's "Create translation")."""
        if article is None or article.translation_of_id:
            return None
        translations = list(article.translations.order_by("language"))
        for translation in translations:
            translation.translation_of = article  # its "out of date" reads the original
        taken = {article.language, *(t.language for t in translations)}
        languages = [(code, name) for code, name in settings.ARTICLE_LANGUAGES if code not in taken]
        may_create = self.has_translate_permission(request) and bool(languages)
        if not (translations or may_create):
            return None
        return {
            "article": article,
            "translations": translations,
            "languages": languages,
            "may_create": may_create,
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["translations_panel"] = self.translations_panel(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def translate_view(self, request, object_id):
        """Create translation, from the article's own page: its language chosen there."""
        original = self.get_object(request, unquote(object_id))
        if original is None:
            raise Http404("No such article.")
        if not (
            self.has_view_permission(request, original) and self.has_translate_permission(request)
        ):
            raise PermissionDenied
        # The page's own button sends the language only: the translator is who clicked.
        own = getattr(request.user, "contributor", None)
        data = request.POST.copy() if request.method == "POST" else None
        if data is not None and "translator" not in data:
            data["translator"] = own.pk if own else ""
        return self._translate(request, original, data, own) or redirect(
            "admin:articles_article_change", original.pk
        )

    @admin.action(description="Create translation", permissions=["translate"])
    def create_translation(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Choose exactly one article to translate.", messages.ERROR)
            return None
        own = getattr(request.user, "contributor", None)
        data = request.POST if "apply" in request.POST else None
        return self._translate(request, queryset.get(), data, own, from_list=True)

    def _translate(self, request, original, data, own, from_list=False):
        """The form to create a translation, or, sent valid, the translation's page."""
        form = TranslationForm(original, data, initial={"translator": own})
        if data is not None and form.is_valid():
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
            "from_list": from_list,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/article/create_translation.html", context)
