import uuid
from pathlib import PurePath

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections, models, transaction
from django.db.models import F, Min, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from newsroom.pagecache import content_changed

from . import credits as credit_lines
from .html import sanitize_html


class Role(models.TextChoices):
    REPORTING = "reporting", "Reporting"
    ADDITIONAL_REPORTING = "additional_reporting", "Additional reporting"
    WRITING = "writing", "Writing"
    TRANSLATION = "translation", "Translation"
    EDITING = "editing", "Editing"
    PHOTOGRAPHY = "photography", "Photography"


ROLES_WITH_PLACE = {Role.REPORTING, Role.ADDITIONAL_REPORTING, Role.PHOTOGRAPHY}


class CommentPolicy(models.TextChoices):
    PRE_MODERATED = "pre", "Pre-moderated: nothing is public before approval"
    POST_MODERATED = "post", "Post-moderated: public at once, can be removed"
    CLOSED = "closed", "Closed"


class Section(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the navigation.")
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
        return reverse("articles:section", kwargs={"slug": self.slug})


class Contributor(models.Model):
    """A journalist who appears in credits; most are not users of this site."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    bio = models.TextField(blank=True, max_length=2000)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributor",
        help_text="Staff account of this contributor, if they have one.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:contributor", kwargs={"slug": self.slug})


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

    class Meta:
        ordering = ["language", "for_translations", "name"]

    def __str__(self):
        return self.name

    def as_plain(self):
        return credit_lines.Style(
            pk=self.pk,
            name=self.name,
            language=self.language,
            for_translations=self.for_translations,
            conjunction=self.conjunction,
            place_preposition=self.place_preposition,
            language_names=dict(self.language_names or {}),
            phrases=tuple(
                credit_lines.Phrase(p.role, p.label, p.separator)
                for p in sorted(self.phrases.all(), key=lambda p: (p.position, p.pk))
            ),
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
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["style", "role"], name="one_phrase_per_role"),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.label}"


for model in (CreditStyle, CreditPhrase):
    post_save.connect(credit_lines.forget_styles, sender=model)
    post_delete.connect(credit_lines.forget_styles, sender=model)


class WorkflowError(Exception):
    """A state change that the article's current state does not allow."""


def is_published_q(prefix=""):
    """The condition of Article.objects.published(), on the article at ``prefix``."""
    now = timezone.now()
    return Q(
        Q(**{f"{prefix}embargo_until__isnull": True}) | Q(**{f"{prefix}embargo_until__lte": now}),
        **{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}publish_at__lte": now},
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, publish time past, embargo (if any) lifted."""
        return self.filter(is_published_q())

    def one_per_story(self):
        """Originals, and translations whose original readers cannot see."""
        # A join on the original, row by row; "NOT IN (published articles)" reads them all.
        return self.filter(
            Q(translation_of__isnull=True) | ~is_published_q(prefix="translation_of__")
        )

    def next_release(self):
        """When the next published story reaches readers (publish time or embargo), or None."""
        now = timezone.now()
        release = Greatest("publish_at", Coalesce("embargo_until", "publish_at"))
        return (
            self.filter(status=Article.Status.PUBLISHED)
            .filter(Q(publish_at__gt=now) | Q(embargo_until__gt=now))
            .aggregate(next=Min(release))["next"]
        )

    def credited_to(self, contributor):
        """Articles crediting this contributor, each once (no DISTINCT over whole rows)."""
        return self.filter(pk__in=Credit.objects.filter(contributor=contributor).values("article"))

    def out_of_date_translations(self):
        return self.filter(translation_of__revision__gt=F("source_revision"))

    def with_credits(self):
        return self.prefetch_related(
            Prefetch("credits", queryset=Credit.objects.select_related("contributor"))
        )

    def search(self, query):
        """
        Articles matching the words of ``query`` in headline, standfirst or body.

        PostgreSQL ranks full-text matches (headline above standfirst above
        body); other databases need every word somewhere, newest first.
        """
        query = " ".join(query.split())
        if not query:
            return self.none()
        if connections[self.db].vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField

            # The column migration 0008_stored_search_document adds, on PostgreSQL only:
            # headline (A), standfirst (B) and body (C) with the "simple" configuration,
            # as articles come in many languages, so no one language's stemming.
            document = RawSQL(
                f"{connections[self.db].ops.quote_name(self.model._meta.db_table)}.search_document",
                [],
                output_field=SearchVectorField(),
            )
            terms = SearchQuery(query, search_type="websearch", config="simple")
            return (
                self.alias(search_document=document)
                .filter(search_document=terms)
                .annotate(rank=SearchRank(document, terms))
                .order_by("-rank", "-publish_at", "-pk")
            )
        matches = models.Q()
        for word in query.split():
            matches &= (
                models.Q(headline__icontains=word)
                | models.Q(standfirst__icontains=word)
                | models.Q(body__icontains=word)
            )
        return self.filter(matches)


def lead_image_path(instance, filename):
    extension = PurePath(filename).suffix.lower()
    if extension not in {".jpg", ".jpeg", ".png", ".gif", ".webp"}:
        extension = ".jpg"
    return timezone.now().strftime(f"lead/%Y/%m/{uuid.uuid4().hex}{extension}")


@reversion.register(follow=["credits"])
class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn"

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
    language = models.CharField(max_length=8, choices=settings.ARTICLE_LANGUAGES, default="en")
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        help_text="The original this article translates.",
    )

    lead_image = models.ImageField(upload_to=lead_image_path, blank=True)
    lead_image_caption = models.CharField(max_length=500, blank=True)
    lead_image_alt = models.CharField(
        "lead image alt text", max_length=250, blank=True, help_text="What the image shows."
    )
    lead_image_credit = models.CharField(max_length=150, blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        "publish time", null=True, blank=True, help_text="A future time schedules the article."
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
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

    # Where the workflow and the update and correction records have put the article:
    # restoring an old revision brings back its words and credits, never these.
    WORKFLOW_FIELDS = [
        "status",
        "publish_at",
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
            # The next embargo to lift (the page cache's next scheduled change).
            models.Index(
                fields=["embargo_until"],
                condition=Q(embargo_until__isnull=False),
                name="article_embargo_until",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if not self.slug:
            self.slug = slugify(self.headline)[:250]
        self.edit_token = uuid.uuid4()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "edit_token"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    # Reading

    @property
    def is_public(self):
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= now
            and (self.embargo_until is None or self.embargo_until <= now)
        )

    @property
    def is_embargoed(self):
        return self.embargo_until is not None and self.embargo_until > timezone.now()

    @property
    def is_out_of_date(self):
        """A translation whose original was corrected or updated since it was made."""
        return (
            self.translation_of_id is not None
            and self.source_revision is not None
            and self.translation_of.revision > self.source_revision
        )

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and not self.is_public

    @property
    def effective_comment_policy(self):
        return self.comment_policy or self.section.comment_policy

    def credit_tuples(self):
        return [
            (c.role, c.contributor.name, c.place, c.language)
            for c in self.credits.all()  # prefetched by with_credits() on lists
        ]

    @property
    def credit_style_data(self):
        credits = self.credit_tuples()
        is_translation = any(role == Role.TRANSLATION for role, *_ in credits)
        return credit_lines.style_for(self.credit_style_id, self.language, is_translation)

    @property
    def credit_line(self):
        style = self.credit_style_data
        return credit_lines.render_credit_line(style, self.credit_tuples()) if style else ""

    # Permissions on one article, enforced here so every view and action obeys them.

    def can_be_edited_by(self, user):
        if user.has_perm("articles.edit_any_article"):
            return True
        if not user.has_perm("articles.change_article"):
            return False
        if self.status not in (self.Status.DRAFT, self.Status.REVIEW):
            return False
        if self.translation_of_id and user.has_perm("articles.translate_article"):
            return True
        return self.created_by_id == user.pk or (
            self.pk is not None and self.credits.filter(contributor__user=user).exists()
        )

    def can_transition(self, user, name):
        rule = TRANSITIONS[name]
        if self.status not in rule["from"]:
            return False
        if name == "publish" and self.is_public:
            return False  # already live; only a scheduled article can be rescheduled
        if rule["permission"]:
            return user.has_perm(rule["permission"])
        return self.can_be_edited_by(user)

    # State changes

    def submit(self, by, note=""):
        return self._transition(by, "submit", note)

    def publish(self, by, at=None, note=""):
        return self._transition(by, "publish", note, publish_at=at)

    def return_to_reporter(self, by, note):
        if not note.strip():
            raise WorkflowError("Say what the reporter should change: a note is required.")
        return self._transition(by, "return", note)

    def withdraw(self, by, note=""):
        return self._transition(by, "withdraw", note)

    def record_recovery(self, by, state_when_deleted):
        Transition.objects.create(
            article=self,
            user=by,
            from_status=state_when_deleted,
            to_status=self.status,
            note="Recovered after deletion.",
        )

    def _transition(self, by, name, note, publish_at=None):
        rule = TRANSITIONS[name]
        with transaction.atomic(), reversion.create_revision():
            # Lock the row and judge the state as it is now, not as this
            # instance remembers it: two editors clicking at once get one change.
            current = Article.objects.select_for_update().get(pk=self.pk)
            if current.status not in rule["from"]:
                raise WorkflowError(
                    f"“{current.headline}” is {current.get_status_display().lower()}: "
                    f"it cannot be {rule['past']} now."
                )
            if name == "publish" and current.is_public:
                raise WorkflowError(f"“{current.headline}” is already published.")
            if not current.can_transition(by, name):
                raise PermissionDenied(f"You may not {rule['verb']} “{current.headline}”.")
            from_status = current.status
            current.status = rule["to"]
            fields = ["status", "modified_at"]
            if name == "publish":
                now = timezone.now()
                current.publish_at = max(publish_at, now) if publish_at else now
                if current.first_published_at is None or current.first_published_at > now:
                    current.first_published_at = current.publish_at
                fields += ["publish_at", "first_published_at"]
            current.save(update_fields=fields)
            reversion.set_user(by)
            reversion.set_comment(f"{rule['label']}. {note}".strip())
            self.refresh_from_db()
            return Transition.objects.create(
                article=self,
                user=by,
                from_status=from_status,
                to_status=self.status,
                note=note,
                publish_at=current.publish_at if name == "publish" else None,
            )

    def record_update(self, by, minor, reason=""):
        """
        After an edit of a live article: a minor one (a typo) changes nothing
        readers are told; a substantive one shows as "Updated" and makes the
        translations out of date. Call inside the save's transaction.
        """
        if minor or not self.is_public:
            return
        Article.objects.filter(pk=self.pk).update(
            updated_at=timezone.now(), revision=F("revision") + 1
        )
        content_changed()  # update() sends no signal
        self.refresh_from_db(fields=["updated_at", "revision", "edit_token"])
        self._tell_translators(reason or "The original was updated.")

    def add_correction(self, by, text, wrong="", right="", published_at=None):
        correction = Correction.objects.create(
            article=self,
            text=text,
            wrong=wrong,
            right=right,
            created_by=by,
            published_at=published_at or timezone.now(),
        )
        self.corrected(correction)
        return correction

    def corrected(self, correction):
        Article.objects.filter(pk=self.pk).update(revision=F("revision") + 1)
        content_changed()
        self.refresh_from_db(fields=["revision"])
        self._tell_translators(f"The original was corrected: {correction.text}")

    def mark_up_to_date(self, by):
        if not self.translation_of_id:
            raise WorkflowError("Only a translation can be marked up to date.")
        if not self.can_be_edited_by(by):
            raise PermissionDenied(f"You may not edit “{self.headline}”.")
        self.source_revision = self.translation_of.revision
        Article.objects.filter(pk=self.pk).update(source_revision=self.source_revision)
        content_changed()

    def _tell_translators(self, reason):
        from .notifications import notify_translators

        stale = list(
            self.translations.filter(source_revision__lt=self.revision).prefetch_related(
                "credits__contributor__user"
            )
        )
        if stale:
            transaction.on_commit(lambda: notify_translators(self, stale, reason))

    def create_translation(self, by, language, translator=None):
        """A draft in another language, linked to this original, with its reporting credits."""
        if not (by.has_perm("articles.translate_article") or by.has_perm("articles.add_article")):
            raise PermissionDenied("You may not create translations.")
        if language == self.language:
            raise WorkflowError("A translation must be in another language than its original.")
        with transaction.atomic(), reversion.create_revision():
            translation = Article.objects.create(
                headline=self.headline,
                slug=unique_slug(f"{self.slug}-{language}"),
                standfirst=self.standfirst,
                dateline_place=self.dateline_place,
                dateline_agency=self.dateline_agency,
                body=self.body,
                section=self.section,
                language=language,
                translation_of=self,
                source_revision=self.revision,
                lead_image=self.lead_image,
                lead_image_caption=self.lead_image_caption,
                lead_image_alt=self.lead_image_alt,
                lead_image_credit=self.lead_image_credit,
                comment_policy=self.comment_policy,
                created_by=by,
            )
            kept = [c for c in self.credits.all() if c.role != Role.TRANSLATION]
            for position, credit in enumerate(kept):
                Credit.objects.create(
                    article=translation,
                    contributor=credit.contributor,
                    role=credit.role,
                    place=credit.place,
                    language=credit.language,
                    position=position,
                )
            if translator is not None:
                Credit.objects.create(
                    article=translation,
                    contributor=translator,
                    role=Role.TRANSLATION,
                    language=language,
                    position=len(kept),
                )
            reversion.set_user(by)
            reversion.set_comment(f"Translation into {language} of “{self.headline}”.")
        return translation


TRANSITIONS = {
    "submit": {
        "from": {Article.Status.DRAFT},
        "to": Article.Status.REVIEW,
        "permission": None,  # whoever may edit the article may submit it
        "label": "Submitted for review",
        "verb": "submit",
        "past": "submitted",
    },
    "publish": {
        "from": {Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.PUBLISHED},
        "to": Article.Status.PUBLISHED,
        "permission": "articles.publish_article",
        "label": "Published",
        "verb": "publish",
        "past": "published",
    },
    "return": {
        "from": {Article.Status.REVIEW},
        "to": Article.Status.DRAFT,
        "permission": "articles.publish_article",
        "label": "Returned to reporter",
        "verb": "return",
        "past": "returned",
    },
    "withdraw": {
        "from": {Article.Status.PUBLISHED},
        "to": Article.Status.WITHDRAWN,
        "permission": "articles.publish_article",
        "label": "Withdrawn",
        "verb": "withdraw",
        "past": "withdrawn",
    },
}


def unique_slug(base):
    slug, n = base[:240], 2
    while Article.objects.filter(slug=slug).exists():
        slug, n = f"{base[:240]}-{n}", n + 1
    return slug


@reversion.register()
class Credit(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="credits")
    contributor = models.ForeignKey(Contributor, on_delete=models.PROTECT, related_name="credits")
    role = models.CharField(max_length=30, choices=Role.choices)
    place = models.CharField(
        max_length=100, blank=True, help_text="Where they reported from, as the line writes it."
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
        errors = {}
        if self.place and self.role not in ROLES_WITH_PLACE:
            errors["place"] = "Only reporting, additional reporting and photos have a place."
        if self.role == Role.TRANSLATION and not self.language:
            errors["language"] = "Say which language this translation is into."
        if self.language and self.role != Role.TRANSLATION:
            errors["language"] = "Only a translation credit has a language."
        if errors:
            raise ValidationError(errors)


class CorrectionQuerySet(models.QuerySet):
    def public(self):
        """Corrections readers may see: those of articles readers may see."""
        return self.filter(article__in=Article.objects.published())


class Correction(models.Model):
    """A dated notice shown to readers on the article, and on the corrections page."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    published_at = models.DateTimeField("date", default=timezone.now)
    wrong = models.TextField("what was wrong", blank=True, help_text="What the article said.")
    right = models.TextField("what is right", blank=True, help_text="What is true.")
    text = models.TextField(
        "notice",
        help_text="The notice readers see, e.g. “An earlier version of this article gave "
        "the wrong date for the vote. It was on Tuesday.”",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["published_at", "pk"]
        indexes = [
            # The corrections page and feed, newest first.
            models.Index(fields=["-published_at", "-id"], name="correction_newest"),
        ]

    def __str__(self):
        return f"Correction of {self.published_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#correction-{self.pk}"


class Transition(models.Model):
    """One step of the workflow: never edited, only added."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=10, choices=Article.Status.choices)
    to_status = models.CharField(max_length=10, choices=Article.Status.choices)
    note = models.TextField(blank=True)
    publish_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
