"""The article: what it says, where it goes, and what readers may see of it."""

import uuid

import reversion
from django.conf import settings
from django.db import models
from django.db.models import Case, F, Min, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify

from library.models import LibraryImage

from .. import extensions, search
from ..html import sanitize_html
from .addresses import FormerSlug, KeepsFormerSlugs
from .credits import Credit, CreditedMixin, CreditStyle
from .permissions import PermissionsMixin
from .takedown import TakedownMixin
from .taxonomy import CommentPolicy, Section
from .updates import UpdatesMixin
from .visibility import ReaderState, is_public_at, is_published_q, was_released_q
from .workflow import Status, WorkflowMixin


def credits_with_people():
    """A story's credits, each with its contributor, in one query (a prefetch)."""
    return Prefetch("credits", queryset=Credit.objects.select_related("contributor"))


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, publish time past, embargo (if any) lifted."""
        return self.filter(is_published_q())

    def gone(self):
        """Withdrawn stories readers saw: they answer "gone", with a notice and nothing else.

        A story withdrawn before readers saw it is not here: it must look as if it never was.
        """
        return self.filter(was_released_q(), status=Status.WITHDRAWN)

    def with_reader_state(self):
        """Each article's ReaderState worked out by the database, as ``reader_state_now``.

        Article.reader_state answers the same in Python; a test keeps them agreeing.
        """
        return self.annotate(
            reader_state_now=Case(
                When(is_published_q(), then=Value(ReaderState.LIVE)),
                When(
                    status=Status.PUBLISHED,
                    embargo_until__gt=timezone.now(),
                    then=Value(ReaderState.EMBARGOED),
                ),
                When(status=Status.PUBLISHED, then=Value(ReaderState.SCHEDULED)),
                When(status=Status.REVIEW, then=Value(ReaderState.REVIEW)),
                When(status=Status.WITHDRAWN, then=Value(ReaderState.WITHDRAWN)),
                default=Value(ReaderState.DRAFT),
                output_field=models.CharField(),
            )
        )

    def one_per_story(self):
        """Originals, and translations whose original readers cannot see."""
        # A join on the original, row by row; "NOT IN (published articles)" reads them all.
        return self.filter(
            Q(translation_of__isnull=True) | ~is_published_q(prefix="translation_of__")
        )

    def to_come(self):
        """Published by the newsroom, not out to readers yet (a publish time or an embargo)."""
        return self.filter(status=Status.PUBLISHED, release_at__gt=timezone.now())

    def released_between(self, since, until):
        return self.filter(status=Status.PUBLISHED, release_at__gt=since, release_at__lte=until)

    def next_release(self):
        """When the next published story reaches readers, or None."""
        return self.to_come().aggregate(next=Min("release_at"))["next"]

    def credited_to(self, contributor):
        """Articles crediting this contributor, each once (no DISTINCT over whole rows)."""
        return self.filter(pk__in=Credit.objects.filter(contributor=contributor).values("article"))

    def belonging_to(self, user):
        """The user's own stories: written by them, or crediting them."""
        credited = Credit.objects.filter(contributor__user=user).values("article")
        return self.filter(Q(created_by=user) | Q(pk__in=credited))

    def out_of_date_translations(self):
        return self.filter(translation_of__revision__gt=F("source_revision"))

    def with_credits(self):
        return self.prefetch_related(credits_with_people())

    def for_lists(self):
        """Stories as readers' lists show them: with what other apps add (comment counts)."""
        return self.annotate(**extensions.list_annotations())

    def with_extensions(self):
        """Stories with what other apps attach to them (live coverage), in the same query."""
        return self.select_related(*extensions.relations())

    def search(self, query):
        """Articles matching the words of ``query`` (see articles/search.py)."""
        return search.matching(self, query)

    def unique_slug(self, base):
        """``base``, or ``base-2``, ``base-3`` … whichever no article has, or had, yet."""
        slug, n = base[:240], 2
        while self.filter(slug=slug).exists() or FormerSlug.taken(self.model, slug):
            slug, n = f"{base[:240]}-{n}", n + 1
        return slug

    def addressable(self):
        """Stories whose address answers readers: live ones, and withdrawn ones they saw."""
        return self.filter(is_published_q() | Q(was_released_q(), status=Status.WITHDRAWN))


@reversion.register(follow=["credits"])
class Article(
    PermissionsMixin,
    UpdatesMixin,
    WorkflowMixin,
    TakedownMixin,
    CreditedMixin,
    KeepsFormerSlugs,
    models.Model,
):
    headline = models.CharField(max_length=250)
    slug = models.SlugField(max_length=250, unique=True)
    standfirst = models.TextField(blank=True, help_text="The summary under the headline.")
    dateline_place = models.CharField(max_length=100, blank=True, help_text="e.g. MOSCOW")
    dateline_agency = models.CharField(max_length=100, blank=True, help_text="e.g. Reuters")
    body = models.TextField(
        blank=True,
        help_text="HTML: paragraphs, subheads (h2, h3), links, quotes and lists. "
        "Anything else is removed when saved.",
    )
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    topics = models.ManyToManyField("articles.Topic", blank=True, related_name="articles")
    language = models.CharField(max_length=8, choices=settings.ARTICLE_LANGUAGES, default="en")
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        help_text="The original this article translates.",
    )

    lead_image = models.ForeignKey(
        LibraryImage,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lead_of",
        help_text="A picture from the media library; its caption, alt text and photographer "
        "go with it.",
    )

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        "publish time", null=True, blank=True, help_text="A future time schedules the article."
    )
    release_at = models.DateTimeField(
        "reaches readers",
        null=True,
        blank=True,
        editable=False,
        help_text="The later of its publish time and embargo, once published.",
    )
    first_published_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When readers first saw the story: its release moment, kept once past.",
    )
    updated_at = models.DateTimeField(
        "last updated", null=True, blank=True, editable=False, help_text="Shown to readers."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    credit_style = models.ForeignKey(
        CreditStyle,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text="Leave empty to use the style of the article's language.",
    )
    # How a footer as sent strays from its style (separators, label case, order …), so its
    # line renders as sent; empty: the house style. See articles/creditlines.
    credit_variant = models.JSONField(default=dict, blank=True, editable=False)
    credits_to_check = models.TextField(
        blank=True,
        help_text="What the wire's credit footer had that could not be read as credits, "
        "as sent. Put the credits right, then empty this.",
    )
    credits_check_reason = models.CharField(max_length=500, blank=True, editable=False)
    comment_policy = models.CharField(
        max_length=10,
        choices=CommentPolicy.choices,
        blank=True,
        help_text="Leave empty to follow the section's policy.",
    )
    embargo_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Not shown to readers anywhere before this time, even once published; "
        "partners may receive it earlier, marked as embargoed.",
    )
    # Counts corrections and substantive updates. A translation remembers the
    # count of its original it was made from: a lower number means out of date.
    revision = models.PositiveIntegerField(default=1, editable=False)
    source_revision = models.PositiveIntegerField(null=True, blank=True, editable=False)
    notes = models.TextField(blank=True, help_text="Internal notes, never shown to readers.")
    source_id = models.CharField(
        max_length=255,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="Identity of the wire or ninjs item this article was imported from.",
    )
    # Renewed by every save: an edit form carrying another token is stale.
    edit_token = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = ArticleQuerySet.as_manager()

    Status = Status

    # Where the workflow and the update and correction records have put the article:
    # restoring an old revision brings back its words and credits, never these.
    WORKFLOW_FIELDS = [
        "status",
        "publish_at",
        "release_at",
        "first_published_at",
        "updated_at",
        "embargo_until",
        "revision",
        "source_revision",
        "source_id",
    ]

    class Meta:
        ordering = ["-publish_at", "-pk"]
        permissions = [
            ("publish_article", "Can publish, schedule, return and withdraw articles"),
            ("edit_any_article", "Can edit any article, published ones too"),
            ("translate_article", "Can create and edit translations"),
        ]
        indexes = [
            models.Index(fields=["status", "publish_at"], name="article_status_publish"),
            # What readers see, newest first (published() and Meta.ordering), whole site
            # and per section: the index hands rows over in order, no sort.
            models.Index(
                fields=["-publish_at", "-id"],
                condition=Q(status="published"),
                name="article_published_order",
            ),
            models.Index(
                fields=["section", "-publish_at", "-id"],
                condition=Q(status="published"),
                name="article_section_published",
            ),
            # The next story to reach readers (the page cache's next scheduled change).
            models.Index(
                fields=["release_at"],
                condition=Q(release_at__isnull=False),
                name="article_release_at",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                name="one_translation_per_language",
                violation_error_message="This story already has a translation in this language: "
                "a story has one translation per language.",
            ),
            # Every way of writing a story (save, update(), bulk_create) keeps its one
            # stored release moment true: release_moment(), in SQL.
            models.CheckConstraint(
                condition=Q(release_at=None, publish_at=None)
                | (~Q(status=Status.PUBLISHED) & Q(release_at=None))
                | Q(
                    # Each term not null: a check that comes out NULL would let anything by.
                    status=Status.PUBLISHED,
                    publish_at__isnull=False,
                    release_at__isnull=False,
                    release_at=Greatest("publish_at", Coalesce("embargo_until", "publish_at")),
                ),
                name="release_at_is_the_release_moment",
                violation_error_message="The release moment must be the later of the publish "
                "time and the embargo.",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if not self.slug:
            self.slug = slugify(self.headline)[:250]
        if not self.credits_to_check.strip():
            self.credits_to_check = self.credits_check_reason = ""
        self.edit_token = uuid.uuid4()
        also_saved = {"edit_token"}
        also_saved.update(self.settle_release())
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *also_saved}
        # A field saved as an expression (``F("revision") + 1``) holds the expression, not
        # its value, when reversion writes the version on post_save: read what the database
        # made of it and write the version again from saved values.
        computed = [
            field.attname
            for field in self._meta.concrete_fields
            if hasattr(getattr(self, field.attname), "resolve_expression")
        ]
        super().save(*args, **kwargs)
        if computed:
            self.refresh_from_db(fields=computed)
            if reversion.is_active() and not reversion.is_manage_manually():
                reversion.add_to_revision(self)

    def get_absolute_url(self):
        # A story has one address, whatever the interface language it is linked from:
        # its page speaks the story's own language. A list links each story more than once.
        known = self.__dict__.get("_address")
        if known is None or known[0] != self.slug:
            with translation.override(settings.LANGUAGE_CODE):
                known = (self.slug, reverse("articles:detail", kwargs={"slug": self.slug}))
            self.__dict__["_address"] = known
        return known[1]

    # Reading

    @property
    def reader_state(self):
        """Where the article stands for readers now; with_reader_state() is the same in SQL."""
        if self.status == Status.PUBLISHED:
            now = timezone.now()
            if is_public_at(self.status, self.release_at, now):
                return ReaderState.LIVE
            if self.embargo_until is not None and self.embargo_until > now:
                return ReaderState.EMBARGOED
            return ReaderState.SCHEDULED
        return {
            Status.DRAFT: ReaderState.DRAFT,
            Status.REVIEW: ReaderState.REVIEW,
            Status.WITHDRAWN: ReaderState.WITHDRAWN,
        }[self.status]

    @property
    def is_public(self):
        return is_public_at(self.status, self.release_at)

    def slug_is_public(self):
        # Partners may hold the address of an embargoed story; a draft's is nobody's.
        return self.first_published_at is not None

    @property
    def is_scheduled(self):
        """Published by the newsroom, not yet out to readers (a publish time or an embargo)."""
        return self.reader_state in (ReaderState.SCHEDULED, ReaderState.EMBARGOED)

    @property
    def is_embargoed(self):
        return self.embargo_until is not None and self.embargo_until > timezone.now()

    @property
    def effective_comment_policy(self):
        return self.comment_policy or self.section.comment_policy
