"""The admin's search boxes for a related object, shown again with what was sent.

Django's autocomplete box, redrawn after a refused save, looks up the value sent for it as
an id: one that is none (``":"``, a name typed into a forged form, a number larger than any
id) fails the lookup and the page answers with a 500 instead of saying what was wrong.
These boxes show only values that can be an id; the field's own error says the rest.
A choice of several objects refuses a value that cannot be an id before looking it up
(SQLite fails a lookup of a number beyond the range of ids).
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError


def could_be_key(key_field, value):
    """Whether the value could be held by the key field (an id, within its range)."""
    try:
        key_field.clean(value, None)
    except ValidationError:
        return False
    return True


class KnownKeysSelect(AutocompleteSelect):
    def optgroups(self, name, value, attrs=None):
        remote = self.field.remote_field
        key_field = remote.model._meta.get_field(remote.field_name)
        value = [v for v in value if could_be_key(key_field, v)]
        return super().optgroups(name, value, attrs)


class KnownKeysAutocompleteMixin:
    """For a ModelAdmin or inline: its autocomplete_fields drawn with KnownKeysSelect."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownKeysSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class KnownKeysMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        meta = self.queryset.model._meta
        key_field = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        for pk in value if isinstance(value, list | tuple) else []:
            if not could_be_key(key_field, pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
