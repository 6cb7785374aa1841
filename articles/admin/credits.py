"""Credits that need an editor's eye: the list filter, and the choice of house style."""

from django.contrib import admin


class CreditsCheckFilter(admin.SimpleListFilter):
    title = "Credits need checking"
    parameter_name = "credits_check"

    def lookups(self, request, model_admin):
        return [("yes", "Credits need checking"), ("no", "Credits read in full")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(credits_to_check="")
        if self.value() == "no":
            return queryset.filter(credits_to_check="")
        return queryset


class CreditsAdminMixin:
    def get_fieldsets(self, request, obj=None):
        # The house-style choice only where a footer's own way of writing is kept.
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.credit_line_is_as_sent:
            return fieldsets
        return [
            (name, {**options, "fields": [*options["fields"], "house_style"]})
            if name == "Placement"
            else (name, options)
            for name, options in fieldsets
        ]

    @admin.display(description="Credits need checking")
    def credits_check(self, obj):
        return obj.credits_check_reason or "—"
