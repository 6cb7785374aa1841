"""Who did what on a story, and the styles its credit line is written in."""

import reversion
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models

from .. import creditlines, extensions
from .places import Place

STYLES_CACHE_KEY = "articles:credit-styles:v1"


class Role(models.TextChoices):
    REPORTING = "reporting", "Reporting"
    ADDITIONAL_REPORTING = "additional_reporting", "Additional reporting"
    WRITING = "writing", "Writing"
    TRANSLATION = "translation", "Translation"
    EDITING = "editing", "Editing"
    PHOTOGRAPHY = "photography", "Photography"
    COMPILING = "compiling", "Compiling"
    VIDEO = "video", "Video"
    GRAPHICS = "graphics", "Graphics"
    FACT_CHECKING = "fact_checking", "Fact-checking"


ROLES_WITH_PLACE = {Role.REPORTING, Role.ADDITIONAL_REPORTING, Role.PHOTOGRAPHY, Role.VIDEO}
ALSO_READS_SEPARATOR = " | "


class CreditStyleQuerySet(models.QuerySet):
    def plain_styles(self):
        """Every style as plain values (creditlines.Style), cached until one changes."""
        styles = cache.get(STYLES_CACHE_KEY)
        if styles is None:
            styles = [style.as_plain() for style in self.prefetch_related("phrases").order_by("pk")]
            cache.set(STYLES_CACHE_KEY, styles, None)
        return styles


def forget_styles(**kwargs):
    """Signal receiver: a style or one of its phrases changed."""
    cache.delete(STYLES_CACHE_KEY)


class CreditStyle(models.Model):
    """How a credit line reads: the words are data so a newsroom can add its own."""

    name = models.CharField(max_length=100, unique=True)
    language = models.CharField(max_length=8, choices=settings.ARTICLE_LANGUAGES)
    for_translations = models.BooleanField(
        default=False,
        help_text="Used for articles in this language that credit a translator.",
    )
    conjunction = models.CharField(max_length=20, default="and", help_text='e.g. "and", "et".')
    place_preposition = models.CharField(
        max_length=20, default="in", help_text='Before a place reported from: "in", "à".'
    )
    language_names = models.JSONField(
        default=dict,
        blank=True,
        help_text='Language names as this style writes them, e.g. {"fr": "française"}. '
        "Languages missing here use their English name.",
    )
    serial_comma = models.BooleanField(
        default=False, help_text="A comma before the last name: “A, B, and C”."
    )
    with_word = models.CharField(
        max_length=20,
        default="with",
        help_text='Joins a name that does not share the place before it: "with", "avec".',
    )
    byline_label = models.CharField(
        max_length=40, default="By", help_text='Opens the byline above the story: "By", "Par".'
    )
    photo_label = models.CharField(
        max_length=40,
        default="Photo:",
        help_text='Before the photographer\'s name under the lead image: "Photo:".',
    )

    objects = CreditStyleQuerySet.as_manager()

    class Meta:
        ordering = ["language", "for_translations", "name"]

    def __str__(self):
        return self.name

    def as_plain(self):
        return creditlines.Style(
            pk=self.pk,
            name=self.name,
            language=self.language,
            for_translations=self.for_translations,
            conjunction=self.conjunction,
            place_preposition=self.place_preposition,
            language_names=dict(self.language_names or {}),
            phrases=tuple(
                creditlines.Phrase(
                    p.role, p.label, p.separator, p.role in ROLES_WITH_PLACE, p.other_labels()
                )
                for p in sorted(self.phrases.all(), key=lambda p: (p.position, p.pk))
            ),
            serial_comma=self.serial_comma,
            with_word=self.with_word,
            byline_label=self.byline_label,
            photo_label=self.photo_label,
        )


class CreditPhrase(models.Model):
    style = models.ForeignKey(CreditStyle, on_delete=models.CASCADE, related_name="phrases")
    role = models.CharField(max_length=30, choices=Role.choices)
    label = models.CharField(
        max_length=100,
        help_text='Words before the names: "Reporting by", "Report". '
        'A translation label may name the language: "{language} version".',
    )
    separator = models.CharField(
        max_length=10,
        default="; ",
        blank=True,
        help_text='Put before this group when it is not the first: "; " or ", ".',
    )
    also_reads = models.CharField(
        max_length=300,
        blank=True,
        help_text="Other ways agencies write this label, read as this role but never "
        'written, apart by " | ": "Reported by | Reporting". Any capitalisation is read.',
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["style", "role"], name="one_phrase_per_role"),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.label}"

    def other_labels(self):
        return (
            tuple(label.strip() for label in self.also_reads.split(ALSO_READS_SEPARATOR.strip()))
            if self.also_reads.strip()
            else ()
        )


@reversion.register()
class Credit(models.Model):
    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="credits")
    contributor = models.ForeignKey("Contributor", on_delete=models.PROTECT, related_name="credits")
    role = models.CharField(max_length=30, choices=Role.choices)
    place = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where they reported from, by its name in English (Places gives the "
        "name each line's language uses).",
    )
    language = models.CharField(
        max_length=8,
        choices=settings.ARTICLE_LANGUAGES,
        blank=True,
        help_text="For a translation: the language translated into.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        indexes = [
            # A contributor's page and feed: their articles without reading the credit rows.
            models.Index(fields=["contributor", "article"], name="credit_contributor_article"),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.contributor}"

    def clean(self):
        # A place typed in another language is kept under the newsroom's name for it.
        self.place = Place.objects.name_for(self.place) if self.place.strip() else ""
        errors = {}
        if self.place and self.role not in ROLES_WITH_PLACE:
            errors["place"] = "Only reporting, additional reporting, photos and video have a place."
        if self.role == Role.TRANSLATION and not self.language:
            errors["language"] = "Say which language this translation is into."
        if self.language and self.role != Role.TRANSLATION:
            errors["language"] = "Only a translation credit has a language."
        if errors:
            raise ValidationError(errors)


class CreditedMixin:
    """An article's credits and the lines they make: footer, byline, photo credit."""

    def credit_tuples(self):
        """(role, name, place, language) of its credits, then those other apps add (a live
        story's posts), each person once in each role."""
        own = [
            (c.role, c.contributor.name, c.place, c.language)
            for c in self.credits.all()  # prefetched by with_credits() on lists
        ]
        seen = {(role, name) for role, name, *_ in own}
        for credit in extensions.extra_credits(self):
            if credit[:2] not in seen:
                seen.add(credit[:2])
                own.append(credit)
        return own

    def credit_style_for(self, credits):
        """The style a line of these credits is written in on this story, and the names of
        places in its language: the one choice every line, byline, preview and post makes."""
        is_translation = any(role == Role.TRANSLATION for role, *_ in credits)
        styles = CreditStyle.objects.plain_styles()
        style = creditlines.style_for(styles, self.credit_style_id, self.language, is_translation)
        places = None
        if style and style.language != settings.LANGUAGE_CODE and any(c[2] for c in credits):
            places = Place.objects.plain()
        return style, places

    def write_credit_line(self, credits, variant=None):
        """The line these credits make on this story (its own, a live post's, a preview's)."""
        style, places = self.credit_style_for(credits)
        if not style:
            return ""
        return creditlines.render_credit_line(style, list(credits), variant, places)

    @property
    def credit_line(self):
        return self.write_credit_line(self.credit_tuples(), self.credit_variant)

    @property
    def credit_line_in_house_style(self):
        return self.write_credit_line(self.credit_tuples())

    @property
    def credit_line_is_as_sent(self):
        """Whether the line follows a footer's own way of writing, not the house style."""
        style, _ = self.credit_style_for(self.credit_tuples())
        return bool(style and (self.credit_variant or {}).get("style") == style.pk)

    def _linked(self, segments):
        people = {c.contributor.name: c.contributor for c in self.credits.all()}
        return [(text, people.get(text) if is_name else None) for text, is_name in segments]

    @property
    def byline(self):
        """[(text, contributor or None)]: "By Ann Lee and Bo Ek in Paris", names to link."""
        credits = self.credit_tuples()
        style, places = self.credit_style_for(credits)
        if not style:
            return []
        return self._linked(creditlines.byline_segments(style, credits, places))

    @property
    def photo_credit(self):
        """[(text, contributor or None)]: "Photo: Ann Lee" from the photography credits."""
        credits = self.credit_tuples()
        style, _ = self.credit_style_for(credits)
        return self._linked(creditlines.photo_segments(style, credits)) if style else []

    def picture_credit(self, picture):
        """[(text, contributor or None)] under a library picture: "Photo: Pia Holm" for its
        photographer, in this story's style; else the story's photography credits (a lead
        picture only); else the credit typed in the library ("Reuters")."""
        style, _ = self.credit_style_for(self.credit_tuples())
        if picture.photographer_id and style:
            person = picture.photographer
            segments = creditlines.photo_segments(style, [(Role.PHOTOGRAPHY, person.name, "", "")])
            return [(text, person if is_name else None) for text, is_name in segments]
        if picture.pk == self.lead_image_id and (parts := self.photo_credit):
            return parts
        return [(picture.credit, None)] if picture.credit else []

    def set_credits(self, credits):
        """Credit exactly these (role, contributor, place, language), in this order.

        Returns whether anything changed. Rows are saved one by one so that
        revisions and whoever watches credits see each of them.
        """
        wanted = [
            (role, contributor.pk, place, language)
            for role, contributor, place, language in credits
        ]
        current = [(c.role, c.contributor_id, c.place, c.language) for c in self.credits.all()]
        if wanted == current:
            return False
        self.credits.all().delete()
        for position, (role, contributor, place, language) in enumerate(credits):
            Credit.objects.create(
                article=self,
                contributor=contributor,
                role=role,
                place=place,
                language=language,
                position=position,
            )
        if hasattr(self, "_prefetched_objects_cache"):
            self._prefetched_objects_cache.pop("credits", None)
        return True
