"""Places credits are written from, named in each language a credit line is written in."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction

PLACES_CACHE_KEY = "articles:places:v1"


class PlaceQuerySet(models.QuerySet):
    def plain(self):
        """{name: {language: name in that language}}, cached until a place changes."""
        places = cache.get(PLACES_CACHE_KEY)
        if places is None:
            places = {place.name: dict(place.names or {}) for place in self.all()}
            cache.set(PLACES_CACHE_KEY, places, None)
        return places

    def name_for(self, text):
        """The newsroom's name for a place typed in any language ("Moscou": "Moscow")."""
        text = " ".join(text.split())
        places = self.plain()
        if text in places:
            return text
        return next((name for name, names in places.items() if text in names.values()), text)


def forget_places(**kwargs):
    """Signal receiver: a place changed."""
    cache.delete(PLACES_CACHE_KEY)


class Place(models.Model):
    """
    A place reporters file from. Credits name it once, in the newsroom's own language
    ("Moscow"); a line in another language writes it the way that language does ("à Moscou").
    """

    name = models.CharField(
        max_length=100,
        unique=True,
        help_text="As credits write it in the newsroom's own language, e.g. “Moscow”.",
    )
    names = models.JSONField(
        default=dict,
        blank=True,
        help_text='The name in other languages, e.g. {"fr": "Moscou"}. '
        "A language missing here uses the name above.",
    )

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Credits name their place by its name: a renamed place takes its credits along.
        old = Place.objects.filter(pk=self.pk).values_list("name", flat=True).first()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if old and old != self.name:
                self._meta.apps.get_model("articles", "Credit").objects.filter(place=old).update(
                    place=self.name
                )

    def clean(self):
        known = {code for code, _ in settings.ARTICLE_LANGUAGES}
        if not isinstance(self.names, dict) or not all(
            code in known and isinstance(name, str) and name.strip()
            for code, name in self.names.items()
        ):
            raise ValidationError({"names": "Give a name for each language code, e.g. “fr”."})
