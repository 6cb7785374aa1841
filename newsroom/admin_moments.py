"""The admin's date and time boxes show whole seconds: a form sent back unchanged keeps
the moment as stored, to the microsecond, rather than moving it to the second."""

from datetime import datetime

from django import forms


class KeepsStoredMoments(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            stored = getattr(self.instance, name, None) if self.instance.pk else None
            if (
                isinstance(value, datetime)
                and isinstance(stored, datetime)
                and stored.replace(microsecond=0) == value
            ):
                cleaned[name] = stored
        return cleaned
