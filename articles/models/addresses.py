"""
Public addresses outlive slug changes: every slug a story, section or contributor gave
up keeps answering, with a permanent redirect to the address it has now (the views'
side is articles/redirects.py).

One small table for the three, keyed by the model's label and the owner's id rather than
a foreign key: a story deleted and recovered gets its old addresses back.
"""

from django.db import models
from django.utils import timezone


class FormerSlug(models.Model):
    """A slug something public had before; its addresses answer 301 to the current ones."""

    kind = models.CharField(max_length=40, help_text="The owner's model, e.g. articles.article.")
    slug = models.SlugField(max_length=250, db_index=False)  # the constraint's index serves
    owner_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # The last owner to give a slug up keeps the address.
            models.UniqueConstraint(fields=["kind", "slug"], name="one_owner_per_former_slug"),
        ]

    def __str__(self):
        return f"{self.kind} {self.slug} → #{self.owner_id}"

    @classmethod
    def taken(cls, model, slug):
        """Whether ``slug`` is an old address of something of this model."""
        return cls.objects.filter(kind=model._meta.label_lower, slug=slug).exists()


class KeepsFormerSlugs:
    """For a model with public addresses by slug: a changed slug is remembered on save."""

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._slug_in_db = instance.__dict__.get("slug")
        return instance

    def slug_is_public(self):
        """Whether readers may know the address; a draft's old slugs are not kept."""
        return True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "slug" not in update_fields:
            return
        before, self._slug_in_db = getattr(self, "_slug_in_db", None), self.slug
        if not before or before == self.slug or not self.slug_is_public():
            return
        kind = self._meta.label_lower
        FormerSlug.objects.update_or_create(
            kind=kind, slug=before, defaults={"owner_id": self.pk, "created_at": timezone.now()}
        )
        # Back to a slug it had before: that address is its own again, not a redirect.
        FormerSlug.objects.filter(kind=kind, slug=self.slug, owner_id=self.pk).delete()
