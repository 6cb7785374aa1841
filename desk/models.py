"""What the newsroom told each person, which kinds of notice each person wants, and the
changes each person typed into a story and has not saved yet."""

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.http import QueryDict
from django.utils import timezone

from articles.models import Article


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # on the settings page and the notice list
    description: str  # when it is sent, and to whom
    subject: str  # the email's subject, with {headline}


KINDS = {
    kind.name: kind
    for kind in [
        Kind(
            "submitted",
            "Stories to review",
            "A story is submitted for review. Sent to everyone who may publish.",
            "For review: “{headline}”",
        ),
        Kind(
            "returned",
            "Stories returned to you",
            "A story you wrote or are credited on is returned to its reporter with a note.",
            "Returned to you: “{headline}”",
        ),
        Kind(
            "published",
            "Your stories published",
            "A story you wrote or are credited on is published or scheduled.",
            "Published: “{headline}”",
        ),
        Kind(
            "withdrawn",
            "Your stories withdrawn",
            "A story you wrote or are credited on is withdrawn.",
            "Withdrawn: “{headline}”",
        ),
        Kind(
            "out_of_date",
            "Translations out of date",
            "The original of a translation you are credited on is corrected or updated.",
            "Translation out of date: {headline}",
        ),
    ]
}
KIND_CHOICES = [(kind.name, kind.label) for kind in KINDS.values()]


class NoticeQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def mark_read(self):
        return self.unread().update(read_at=timezone.now())


class Notice(models.Model):
    """One thing the newsroom told one person; read or not, it stays until they delete it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty once the article is deleted; the notice still says what happened.",
    )
    title = models.CharField(max_length=400)
    text = models.TextField(blank=True, help_text="The note that came with it, if any.")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A person's notices, newest first, and the unread count on every admin page.
            models.Index(fields=["user", "read_at", "-created_at"], name="notice_user_unread"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_read(self):
        return self.read_at is not None


class NoticeSetting(models.Model):
    """One person's choice for one kind of notice; without a row, both are on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_settings"
    )
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    on_desk = models.BooleanField("on my desk", default=True)
    by_email = models.BooleanField("by email", default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_notice_setting_per_kind"),
        ]

    def __str__(self):
        return f"{self.user}: {self.kind}"

    @classmethod
    def chosen(cls, users, kind):
        """{user id: (on desk, by email)} for those of ``users`` who changed the defaults."""
        rows = cls.objects.filter(user__in=users, kind=kind)
        return {row.user_id: (row.on_desk, row.by_email) for row in rows}


class DraftQuerySet(models.QuerySet):
    def open(self):
        """Drafts still waiting: not saved into the story, not discarded."""
        return self.filter(done=False)


class Draft(models.Model):
    """
    What one person typed into a story's form and has not saved, kept every few seconds by
    the open page, so that a closed tab, a crash or a refused save loses nothing. Private:
    never a version of the story, never shown to anyone else; opening the story again
    offers it back. Each open page keeps its own draft (``page``); a page that saves the
    story marks its draft done, so an autosave still on its way changes nothing.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty for a new story, until it is saved.",
    )
    page = models.UUIDField(unique=True, help_text="The open page that keeps this draft.")
    fields = models.JSONField(default=list, help_text="[[name, value], …] as the form sends them.")
    headline = models.CharField(max_length=300, blank=True)
    opened_token = models.UUIDField(
        null=True, blank=True, help_text="The story's edit token when the page was opened."
    )
    saved_at = models.DateTimeField(default=timezone.now)
    done = models.BooleanField(default=False, help_text="Saved into the story, or discarded.")

    objects = DraftQuerySet.as_manager()

    class Meta:
        ordering = ["-saved_at", "-pk"]
        indexes = [
            # A person's drafts of one story (or of new ones), newest first.
            models.Index(fields=["user", "article", "-saved_at"], name="draft_user_article"),
        ]

    def __str__(self):
        return f"{self.user}: {self.headline or 'a new story'} ({self.saved_at:%Y-%m-%d %H:%M})"

    @staticmethod
    def may_keep(user, article):
        """A draft of what one may write: the story if they may edit it, or a new one."""
        return article.can_be_edited_by(user) if article is not None else Article.may_write(user)

    @classmethod
    def keep(cls, user, page, fields, article=None):
        """Keep what the open page ``page`` holds now as ``user``'s draft of ``article``
        (None: a new story). False when nothing was kept: the page saved the story already
        (an autosave overtaken by the save), or the page is not theirs."""
        if not cls.may_keep(user, article):
            raise PermissionDenied("You may not edit this story: nothing of it is kept.")
        values = {
            "fields": fields,
            "headline": first_value(fields, HEADLINE_FIELD)[:300],
            "opened_token": as_uuid(first_value(fields, TOKEN_FIELD)),
            "saved_at": timezone.now(),
        }
        own = cls.objects.filter(page=page, user=user, article=article, done=False)
        if own.update(**values):
            return True
        if cls.objects.filter(page=page).exists():
            return False
        try:
            with transaction.atomic():
                cls.objects.create(page=page, user=user, article=article, **values)
        except IntegrityError:  # the page's save, at the same moment, came first
            return False
        return True

    @classmethod
    def offered(cls, user, article=None, page=None):
        """The newest draft ``user`` left of this story (None: of a new story) on another page."""
        return cls.objects.open().filter(user=user, article=article).exclude(page=page).first()

    @classmethod
    def forget(cls, user, page):
        """The page holds nothing unsaved any more (its changes were undone)."""
        cls.objects.open().filter(user=user, page=page).delete()

    @classmethod
    def story_saved(cls, user, article, page):
        """The page ``page`` saved the story: its draft is done with, and stays so."""
        done = {"done": True, "fields": [], "article": article, "saved_at": timezone.now()}
        if not cls.objects.filter(page=page, user=user).update(**done):
            # No draft kept yet: one marked done, so that an autosave on its way keeps none.
            try:
                with transaction.atomic():
                    cls.objects.create(page=page, user=user, **done)
            except IntegrityError:
                pass
        cls.objects.filter(done=True, saved_at__lt=timezone.now() - DONE_KEPT).delete()

    def form_data(self, opened_token=None):
        """The draft as its form would send it, opened now: with the story's token of now, so
        that saving it is not refused as an edit of an older version."""
        data = QueryDict(mutable=True)
        for name, value in self.fields:
            data.appendlist(name, value)
        if opened_token is not None:
            data.setlist(TOKEN_FIELD, [str(opened_token)])
        return data

    def is_behind(self, article):
        """The story was saved after the page keeping this draft was opened."""
        return bool(article and self.opened_token and self.opened_token != article.edit_token)


# The article form's fields a draft reads: its headline (for the desk) and the token saying
# which version of the story the page was opened on (see ArticleAdminForm).
HEADLINE_FIELD, TOKEN_FIELD = "headline", "opened_token"
# How long a page that saved its story is remembered, for autosaves still on their way.
DONE_KEPT = timedelta(days=1)


def first_value(fields, name):
    return next((value for key, value in fields if key == name), "")


def as_uuid(text):
    """The UUID written in ``text``, or None."""
    try:
        return uuid.UUID(str(text))
    except ValueError:
        return None
