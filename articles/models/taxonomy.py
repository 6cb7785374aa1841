"""Where stories go and who writes them: sections and contributors."""

import unicodedata
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language

from .. import creditlines
from ..weblinks import shown_addresses, web_address, web_addresses
from .addresses import FormerSlug, KeepsFormerSlugs
from .credits import CreditStyle
from .languages import NamedInLanguages


class CommentPolicy(models.TextChoices):
    PRE_MODERATED = "pre", "Pre-moderated: nothing is public before approval"
    POST_MODERATED = "post", "Post-moderated: public at once, can be removed"
    CLOSED = "closed", "Closed"


class Section(NamedInLanguages, KeepsFormerSlugs, models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the navigation.")
    colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "A colour as #rrggbb, e.g. #1d4e89.")],
        help_text="The section's accent on the site (#rrggbb); empty: the newsroom's own.",
    )
    comment_policy = models.CharField(
        max_length=10,
        choices=CommentPolicy.choices,
        default=CommentPolicy.PRE_MODERATED,
        help_text="Default comment policy for this section's articles.",
    )

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # Asked for on every page (the navigation), in the page's language: kept with the
        # section, so that a kept navigation carries its addresses.
        known = self.__dict__.setdefault("_addresses", {})
        key = (get_language(), self.slug)
        if key not in known:
            known[key] = reverse("articles:section", kwargs={"slug": self.slug})
        return known[key]


def folded(name):
    """A name compared without case or accents: "Hénault" is "HENAULT"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


def name_problem(name):
    """Why this cannot be a contributor's name ("" if it can): the credit styles' words
    (labels, separators, joining words, place prepositions) are never part of a name."""
    return creditlines.name_problem(name, CreditStyle.objects.plain_styles())


def check_name(name):
    if problem := name_problem(name):
        raise ValidationError({"name": f"“{name}” cannot be a contributor's name: {problem}."})


class ContributorQuerySet(models.QuerySet):
    def for_name(self, name):
        """The contributor of this name, whatever its case or accents, else a new one.

        Raises ValidationError for what cannot be a name ("Ann Lee, editing by Bo Ek").
        """
        check_name(name)
        base = slugify(name) or "contributor"
        for candidate in self.filter(Q(slug__startswith=base) | Q(name__iexact=name)):
            if folded(candidate.name) == folded(name):
                return candidate
        slug, n = base[:140], 2
        while self.filter(slug=slug).exists() or FormerSlug.taken(self.model, slug):
            slug, n = f"{base[:140]}-{n}", n + 1
        return self.create(name=name, slug=slug)


def contributor_photo_path(instance, filename):
    """Where profile photos went before the media library held them (migrations name it)."""
    extension = PurePath(filename).suffix.lower()
    if extension not in {".jpg", ".jpeg", ".png", ".gif", ".webp"}:
        extension = ".jpg"
    return timezone.now().strftime(f"people/%Y/%m/{uuid.uuid4().hex}{extension}")


def check_links(text):
    """One https address a line: the contributor's pages elsewhere (social networks)."""
    web_addresses(text)


class Contributor(KeepsFormerSlugs, models.Model):
    """A journalist who appears in credits; most are not users of this site."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    job_title = models.CharField(max_length=100, blank=True, help_text="E.g. Oslo correspondent.")
    bio = models.TextField(blank=True, max_length=2000)
    bios = models.JSONField(default=dict, blank=True, help_text="The short bio in other languages.")
    photo = models.ForeignKey(
        "library.LibraryImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A portrait from the media library, shown on their page.",
    )
    website = models.URLField(blank=True)
    social_links = models.TextField(
        blank=True,
        max_length=2000,
        validators=[check_links],
        help_text="Their pages on social networks, one address a line.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributor",
        help_text="Staff account of this contributor, if they have one.",
    )

    objects = ContributorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Every path (wire import, admin, scripts) is held to the same rule.
        check_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:contributor", kwargs={"slug": self.slug})

    @property
    def local_bio(self):
        """The bio in the reader's interface language, else the newsroom's own."""
        return (self.bios or {}).get(get_language() or "") or self.bio

    @property
    def links(self):
        """Their own site and pages elsewhere, as readers and schema.org's sameAs see them."""
        # Checked when typed; rows written otherwise (a restored backup) are held to it here.
        return shown_addresses(self.website, self.social_links)

    def clean(self):
        check_name(self.name)
        if self.website:
            try:
                web_address(self.website)
            except ValidationError as error:
                raise ValidationError({"website": error}) from None
