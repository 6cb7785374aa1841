"""
Live coverage: a published story switched to live gets a stream of posts, each with
its own time, words, picture and credits, until the newsroom ends the coverage.

The coverage attaches itself to the story (``LiveCoverage``, one to one); the articles
app knows nothing of it. Who may do what follows the story's roles: whoever may edit the
story, or is on it (wrote or is credited on it) may post; those who may publish it pin,
correct, withdraw and break posts out, and start and end the coverage. A post credits listed
contributors only: anyone, for those who run it; others only themselves unless allowed.
"""

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from articles.html import html_to_text, sanitize_html
from articles.models import ROLES_WITH_PLACE, Contributor, Credit, Role, WorkflowError
from library.models import LibraryImage
from library.uploads import clean_image_upload


def live_image_path(instance, filename):
    extension = PurePath(filename).suffix.lower()
    if extension not in {".jpg", ".jpeg", ".png", ".gif", ".webp"}:
        extension = ".jpg"
    return timezone.now().strftime(f"live/%Y/%m/{uuid.uuid4().hex}{extension}")


# Why a post's credits are refused; the form offers nothing else, so only a forged post sees them.
ONLY_YOURSELF = (
    "On this story you may credit only yourself: an editor can let reporters credit others."
)
NEW_NAME_REFUSED = (
    "Choose who reported from the list of contributors; a new one is added under "
    "Contributors first."
)


class LivePostQuerySet(models.QuerySet):
    def visible(self):
        """What readers see of a live story: every post not withdrawn, newest first."""
        return self.filter(withdrawn_at__isnull=True).order_by("-posted_at", "-pk")

    def with_credits(self):
        return self.prefetch_related(
            models.Prefetch(
                "credits", queryset=LivePostCredit.objects.select_related("contributor")
            )
        )


class LiveCoverage(models.Model):
    """A published story switched to live: posts are added between these times."""

    article = models.OneToOneField(
        "articles.Article",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="live_coverage",
    )
    started_at = models.DateTimeField("live coverage started", default=timezone.now)
    ended_at = models.DateTimeField("live coverage ended", null=True, blank=True)
    others_may_be_credited = models.BooleanField(
        "reporters may credit others",
        default=False,
        help_text="Reporters and translators posting may credit any contributor, not only "
        "themselves. Editors always may.",
    )

    class Meta:
        verbose_name_plural = "live coverage"

    def __str__(self):
        return f"Live coverage of “{self.article}”"

    @classmethod
    def of(cls, article):
        """The story's live coverage, or None; no query once the story has loaded it."""
        try:
            return article.live_coverage
        except cls.DoesNotExist:
            return None

    @classmethod
    def running(cls, article):
        """The story's live coverage while it runs; WorkflowError saying so otherwise."""
        coverage = cls.of(article)
        if coverage is None or not coverage.is_running:
            raise WorkflowError(f"“{article.headline}” has no live coverage running.")
        return coverage

    @property
    def is_running(self):
        return self.ended_at is None

    # Who may do what: the story's own rules.

    @staticmethod
    def can_run(article, user):
        """Starting, ending, pinning, correcting, withdrawing, breaking out: who may publish."""
        return article.may_publish(user)

    def can_post(self, user):
        """Whoever may edit any story, or is on this one, may add posts while coverage runs."""
        return self.article.can_be_contributed_to_by(user)

    def may_credit_anyone(self, user):
        """Those who run the coverage, or anyone posting once an editor allowed it."""
        return self.others_may_be_credited or self.can_run(self.article, user)

    def creditable(self, user):
        """The contributors ``user`` may credit on a post: anyone, or only themselves."""
        if self.may_credit_anyone(user):
            return Contributor.objects.all()
        return Contributor.objects.filter(user=user)

    def let_others_be_credited(self, by, allowed=True):
        """Let reporters posting credit any contributor (or, ``allowed=False``, themselves)."""
        if not self.can_run(self.article, by):
            raise PermissionDenied(
                f"You may not change who is credited on “{self.article.headline}”."
            )
        self.others_may_be_credited = allowed
        self.save(update_fields=["others_may_be_credited"])

    # State changes

    @classmethod
    def start(cls, article, by):
        """Switch a story to live, or resume its ended coverage."""
        if not cls.can_run(article, by):
            raise PermissionDenied(f"You may not start live coverage of “{article.headline}”.")
        with transaction.atomic():
            coverage, created = cls.objects.select_for_update().get_or_create(article=article)
            if not created and coverage.is_running:
                raise WorkflowError(f"“{article.headline}” is already live.")
            coverage.ended_at = None
            coverage.save()
            article.keep_version(
                by, "Live coverage started." if created else "Live coverage resumed."
            )
        article.live_coverage = coverage
        return coverage

    def end(self, by):
        if not self.can_run(self.article, by):
            raise PermissionDenied(f"You may not end live coverage of “{self.article.headline}”.")
        if not self.is_running:
            raise WorkflowError(f"“{self.article.headline}” has no live coverage running.")
        with transaction.atomic():
            self.ended_at = timezone.now()
            self.save(update_fields=["ended_at"])
            self.article.keep_version(by, "Live coverage ended.")

    def add_post(self, by, body, title="", image=None, image_alt="", image_caption="", credits=()):
        """A new post; ``credits`` are (role, contributor, place). Refusals say why."""
        article = self.article
        if not self.is_running:
            raise WorkflowError(f"“{article.headline}” has no live coverage running.")
        if not self.can_post(by):
            raise PermissionDenied(f"You may not post on “{article.headline}”.")
        if not html_to_text(sanitize_html(body)).strip():
            raise ValidationError({"body": "A post needs some text."})
        if image and not image_alt.strip():
            raise ValidationError({"image_alt": "Say what the picture shows, for blind readers."})
        self.check_credits(by, [contributor for _, contributor, _ in credits])
        if image:
            image = clean_image_upload(image)
        with transaction.atomic():
            post = LivePost(article=article, title=title, body=body, image_alt=image_alt)
            post.image_caption = image_caption
            post.created_by = by
            if image:
                post.image.save(image.name, image, save=False)
            post.save()
            for position, (role, contributor, place) in enumerate(credits):
                credit = LivePostCredit(
                    post=post, contributor=contributor, role=role, place=place, position=position
                )
                credit.full_clean(exclude=["post"])
                credit.save()
        self.__dict__.pop("_post_credits", None)
        return post

    def check_credits(self, by, contributors):
        """ValidationError saying why when ``by`` may not credit these contributors."""
        if any(contributor.pk is None for contributor in contributors):
            raise ValidationError({"reporters": NEW_NAME_REFUSED})
        if self.may_credit_anyone(by):
            return
        own = set(self.creditable(by).values_list("pk", flat=True))
        if any(contributor.pk not in own for contributor in contributors):
            raise ValidationError({"reporters": ONLY_YOURSELF})

    # Credits: the story's line names everyone credited on a post not withdrawn, once.

    def post_credit_tuples(self):
        if "_post_credits" not in self.__dict__:
            rows = (
                LivePostCredit.objects.filter(
                    post__article=self.article_id, post__withdrawn_at__isnull=True
                )
                .order_by("post__posted_at", "post_id", "position")
                .values_list("role", "contributor__name", "place")
            )
            self.__dict__["_post_credits"] = [(role, name, place, "") for role, name, place in rows]
        return self.__dict__["_post_credits"]


class LivePost(models.Model):
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="live_posts"
    )
    posted_at = models.DateTimeField(default=timezone.now, db_index=True)
    title = models.CharField(max_length=250, blank=True)
    body = models.TextField(
        help_text="HTML: paragraphs, subheads, links, quotes and lists, as in articles."
    )
    image = models.ImageField(upload_to=live_image_path, blank=True)
    image_alt = models.CharField("image alt text", max_length=250, blank=True)
    image_caption = models.CharField(max_length=500, blank=True)
    pinned = models.BooleanField(
        default=False, help_text="A key point: shown in the summary at the top."
    )
    correction = models.TextField(blank=True, help_text="The correction note readers see.")
    corrected_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    broken_out_to = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = LivePostQuerySet.as_manager()

    class Meta:
        db_table = "articles_livepost"  # the table it had inside the articles app
        ordering = ["-posted_at", "-pk"]
        indexes = [models.Index(fields=["article", "-posted_at", "-id"], name="live_post_order")]

    def __str__(self):
        return self.title or html_to_text(self.body)[:60]

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#post-{self.pk}"

    @property
    def cursor(self):
        """Where a reader who has seen this post stands: its time and id (see LiveCursor)."""
        return LiveCursor.of(self)

    # Credits, written in the article's credit style

    def credit_tuples(self):
        return [(c.role, c.contributor.name, c.place, "") for c in self.credits.all()]

    @property
    def credit_line(self):
        """The post's credits in its story's credit style, places in the story's language."""
        credits = self.credit_tuples()
        return self.article.write_credit_line(credits) if credits else ""

    # State changes, each checked against the article's roles

    def _editorial(self, user, verb):
        if not LiveCoverage.can_run(self.article, user):
            raise PermissionDenied(f"You may not {verb} posts on “{self.article.headline}”.")

    def pin(self, by, pinned=True):
        self._editorial(by, "pin")
        self.pinned = pinned
        self.save(update_fields=["pinned"])

    def correct(self, by, note):
        self._editorial(by, "correct")
        if not note.strip():
            raise ValidationError("Say what was wrong: readers see the correction note.")
        self.correction, self.corrected_at = note.strip(), timezone.now()
        self.save(update_fields=["correction", "corrected_at"])

    def withdraw(self, by):
        self._editorial(by, "withdraw")
        self.withdrawn_at = timezone.now()
        self.pinned = False
        self.save(update_fields=["withdrawn_at", "pinned"])

    def break_out(self, by):
        """A new draft article from this post (words, picture, credits); the post links to it."""
        self._editorial(by, "break out")
        if self.broken_out_to_id:
            raise WorkflowError("This post already has its own article.")
        article = self.article
        Article = type(article)
        headline = self.title or html_to_text(self.body).split("\n")[0][:250] or article.headline
        with transaction.atomic():
            story = Article.objects.create(
                headline=headline,
                slug=Article.objects.unique_slug(f"{article.slug}-{self.pk}"),
                body=self.body,
                section=article.section,
                language=article.language,
                credit_style=article.credit_style,
                created_by=by,
                notes=f"Broken out of the live story “{article.headline}”.",
            )
            if self.image:
                # A copy in the library: withdrawing the live story must not take it down.
                picture = LibraryImage(
                    caption=self.image_caption, alt_text=self.image_alt, uploaded_by=by
                )
                with self.image.open("rb") as original:
                    picture.file.save(
                        PurePath(self.image.name).name, ContentFile(original.read()), save=True
                    )
                story.lead_image = picture
                story.save(update_fields=["lead_image"])
            for position, credit in enumerate(self.credits.all()):
                Credit.objects.create(
                    article=story,
                    contributor=credit.contributor,
                    role=credit.role,
                    place=credit.place,
                    position=position,
                )
            self.broken_out_to = story
            self.save(update_fields=["broken_out_to"])
        return story


class LivePostCredit(models.Model):
    """Who reported a post, and from where."""

    post = models.ForeignKey(LivePost, on_delete=models.CASCADE, related_name="credits")
    contributor = models.ForeignKey(
        "articles.Contributor", on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.REPORTING)
    place = models.CharField(max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "articles_livepostcredit"
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.get_role_display()}: {self.contributor}"

    def clean(self):
        if self.place and self.role not in ROLES_WITH_PLACE:
            raise ValidationError({"place": "This role is credited without a place."})


class LiveCursor:
    """A post's place in the stream: its time (in microseconds) and id, as ``<time>_<id>``.

    The same cursor gives the same answer to every reader, so a CDN can keep it.
    """

    EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

    def __init__(self, moment, pk):
        self.moment, self.pk = moment, pk

    @classmethod
    def of(cls, post):
        return cls(post.posted_at, post.pk)

    @classmethod
    def parse(cls, text):
        """The cursor written in ``text``; ValueError saying why when it is none."""
        micros, _, pk = (text or "").partition("_")
        if not (micros.isdigit() and pk.isdigit()) or len(micros) > 18 or len(pk) > 18:
            raise ValueError("A cursor is a post's time in microseconds and its id: 123_45.")
        try:
            moment = cls.EPOCH + timedelta(microseconds=int(micros))
        except OverflowError:
            raise ValueError("A cursor's time is before the year 10000.") from None
        return cls(moment, int(pk))

    def __str__(self):
        delta = self.moment - self.EPOCH
        micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        return f"{micros}_{self.pk}"

    def after_q(self):
        return models.Q(posted_at__gt=self.moment) | models.Q(posted_at=self.moment, pk__gt=self.pk)

    def before_q(self):
        return models.Q(posted_at__lt=self.moment) | models.Q(posted_at=self.moment, pk__lt=self.pk)
