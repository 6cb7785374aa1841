"""Credits the wire sent that need an editor's eye: the list filter, the reason shown on the
article, and the choice of house style for a line kept as sent."""

from django.contrib import admin


class CreditsCheckFilter(admin.SimpleListFilter):
    title = "credits check"
    parameter_name = "credits_check"

    def lookups(self, request, model_admin):
        return [("yes", "Credits need checking"), ("no", "Credits read in full")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(credits_to_check="")
        if self.value() == "no":
            return queryset.filter(credits_to_check="")
        return queryset


class CreditsCheckMixin:
    CHECK_FIELDS = ("credits_to_check", "credits_check")

    def get_fieldsets(self, request, obj=None):
        # What the wire sent that was not read shows only when there is some, and the
        # house-style choice only where a footer's own way of writing is kept.
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = list(options["fields"])
            if obj is None or not obj.credits_to_check:
                fields = [f for f in fields if f not in self.CHECK_FIELDS]
            if name == "Placement" and obj is not None and obj.credit_line_is_as_sent:
                fields.append("house_style")
            if fields:
                fieldsets.append((name, {**options, "fields": fields}))
        return fieldsets

    @admin.display(description="Credits need checking")
    def credits_check(self, obj):
        return obj.credits_check_reason or "—"
