"""The media library: pictures uploaded once, described once, used by any story.

A picture carries what readers are told about it wherever it shows: its caption, its
alt text (required: a picture nobody can describe is not published), and who took it.
The photographer is a Contributor, so the "Photo: …" line is written by the credit
style and the picture is listed on the photographer's page; an agency or a source that
is not a contributor is typed in ``credit``. The focal point says where the subject
is, so a rendition cropped to another shape keeps it in the frame.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone


def library_image_path(instance, filename):
    extension = PurePath(filename).suffix.lower()
    if extension not in {".jpg", ".jpeg", ".png", ".gif", ".webp"}:
        extension = ".jpg"
    return timezone.now().strftime(f"library/%Y/%m/{uuid.uuid4().hex}{extension}")


def lead_image_path(instance, filename):
    """Where lead images went before the library (their files stay there); migrations name it."""
    return library_image_path(instance, filename).replace("library/", "lead/", 1)


def _share():
    return [MinValueValidator(0.0), MaxValueValidator(1.0)]


class LibraryImage(models.Model):
    file = models.ImageField("picture", upload_to=library_image_path)
    caption = models.CharField(max_length=500, blank=True)
    alt_text = models.CharField(
        max_length=250, help_text="What the picture shows, for readers who cannot see it."
    )
    photographer = models.ForeignKey(
        "articles.Contributor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="photos",
        help_text="Credited as “Photo: …” in the story's credit style, and listed on their page.",
    )
    credit = models.CharField(
        max_length=150,
        blank=True,
        help_text="Who to credit when the photographer is not a contributor, e.g. “Reuters”.",
    )
    focal_x = models.FloatField(
        "focal point across",
        default=0.5,
        validators=_share(),
        help_text="Where the subject is, from the left edge (0) to the right edge (1): "
        "crops keep it in the frame.",
    )
    focal_y = models.FloatField(
        "focal point down",
        default=0.5,
        validators=_share(),
        help_text="Where the subject is, from the top (0) to the bottom (1).",
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)
    # The agency's id of a picture from the wire: the same picture sent again is updated.
    source_id = models.CharField(max_length=255, blank=True, db_index=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        db_table = "articles_libraryimage"  # the table it had inside the articles app
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = "library image"
        verbose_name_plural = "media library"

    def __str__(self):
        return self.caption or self.alt_text

    @property
    def focal_point(self):
        return (self.focal_x, self.focal_y)

    @property
    def is_withdrawn(self):
        """Taken down with a withdrawn story (articles/models/takedown.py): never shown."""
        return self.file.name.startswith("withdrawn/")

    def text_in(self, language):
        """(caption, alt text) for a story in this language: its own words when the
        library has them, else the picture's own."""
        if language:
            texts = getattr(self, "_prefetched_objects_cache", {}).get("texts")
            if texts is None:
                texts = self.texts.all()
            for text in texts:
                if text.language == language:
                    return (text.caption or self.caption, text.alt_text or self.alt_text)
        return (self.caption, self.alt_text)


class LibraryImageText(models.Model):
    """A picture's caption and alt text in another language, for stories in that language."""

    picture = models.ForeignKey(LibraryImage, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=10, choices=settings.ARTICLE_LANGUAGES)
    caption = models.CharField(max_length=500, blank=True)
    alt_text = models.CharField(
        max_length=250, help_text="What the picture shows, in this language."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["picture", "language"], name="one_picture_text_per_language"
            )
        ]
        verbose_name = "caption in another language"
        verbose_name_plural = "captions in other languages"

    def __str__(self):
        return f"{self.get_language_display()}: {self.caption or self.alt_text}"
