"""Names readers see in their interface language: kept per language beside the newsroom's own."""

from django.db import models
from django.utils.translation import get_language


class NamedInLanguages(models.Model):
    """``name`` is the newsroom's own; ``names`` holds it in other languages ({"fr": "Monde"})."""

    names = models.JSONField(
        default=dict, blank=True, help_text="The name in other languages; empty: the name above."
    )

    class Meta:
        abstract = True

    @property
    def local_name(self):
        """The name in the reader's interface language, else the newsroom's own."""
        return (self.names or {}).get(get_language() or "") or self.name
