"""Credits on the article's page: a short ordered list, its line previewed as it is edited."""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path

from newsroom.admin_autocomplete import KnownKeysAutocompleteMixin

from ..creditchecks import credit_warnings
from ..models import ROLES_WITH_PLACE, Contributor, Credit, Role


class ArticleChildInline:
    """Credits and corrections follow the article: whoever may not edit it may not edit them.

    At most MOST rows of each: a form sent back claiming thousands would have the page
    build (and show again) as many empty rows, for seconds; it is refused as too many.
    """

    MOST = 100
    max_num = MOST

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, absolute_max=self.MOST, **kwargs)

    def _article_allows(self, request, obj):
        return obj is None or obj.can_be_edited_by(request.user)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._article_allows(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._article_allows(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._article_allows(request, obj)


class CreditInline(KnownKeysAutocompleteMixin, ArticleChildInline, admin.TabularInline):
    model = Credit
    extra = 0
    autocomplete_fields = ["contributor"]
    fields = ["role", "contributor", "place", "language", "position"]
    template = "admin/articles/article/credits_inline.html"
    labels = {"place": "Reported from", "language": "Translated into"}
    # Which roles use which field: the page shows a field only for the roles that use it.
    roles_using = json.dumps(
        {"place": sorted(ROLES_WITH_PLACE), "language": [Role.TRANSLATION.value]}
    )

    class Media:
        js = ["admin/js/jquery.init.js", "newsroom-admin/credits.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "position":
            # Set from the order of the list on the page, never typed.
            kwargs["widget"] = forms.HiddenInput
        if db_field.name in self.labels:
            kwargs["label"] = self.labels[db_field.name]
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return field
        field.help_text = ""  # the labels say it; a compact row has no room for more
        if db_field.name == "contributor":
            # A compact row: the search box and "add" for a new name; contributors are
            # changed on their own page.
            for link in ("change", "delete", "view"):
                setattr(field.widget, f"can_{link}_related", False)
        return field


def int_or_none(value):
    return int(value) if value and value.isdigit() else None


class CreditsAdminMixin:
    def get_urls(self):
        return [
            path(
                "credit-line/",
                self.admin_site.admin_view(self.credit_line_view),
                name="articles_article_credit_line",
            ),
        ] + super().get_urls()

    def credit_line_view(self, request):
        """The credit line and warnings for credits as they stand in an unsaved form."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        query = request.GET
        article = self.model(
            language=query.get("language") or "en",
            credit_style_id=int_or_none(query.get("credit_style")),
            translation_of_id=int_or_none(query.get("translation_of")),
        )
        rows = zip(
            query.getlist("role"),
            query.getlist("contributor"),
            query.getlist("place"),
            query.getlist("into"),
            strict=False,
        )
        rows = [(role, int_or_none(who), place.strip(), into) for role, who, place, into in rows]
        names = dict(
            Contributor.objects.filter(pk__in=[who for _, who, _, _ in rows if who]).values_list(
                "pk", "name"
            )
        )
        credits = [
            (role, names[who], place, into)
            for role, who, place, into in rows
            if role in Role.values and who in names
        ]
        return JsonResponse(
            {
                "line": article.write_credit_line(credits),
                "warnings": credit_warnings(article, credits),
            }
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        # The credits were read before the formset saved them; read them again.
        getattr(article, "_prefetched_objects_cache", {}).pop("credits", None)
        # Positions as the list showed them: 0, 1, 2 … whatever the page sent.
        for position, credit in enumerate(article.credits.order_by("position", "pk")):
            if credit.position != position:
                credit.position = position
                credit.save(update_fields=["position"])
        for warning in credit_warnings(article, article.credit_tuples()):
            messages.warning(request, warning)
