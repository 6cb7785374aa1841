"""What became of each file dropped into the wire inbox."""

import hashlib
import hmac
import secrets

from django.db import models
from django.utils import timezone


class InboxFile(models.Model):
    class Outcome(models.TextChoices):
        IMPORTED = "imported", "imported"
        UPDATED = "updated", "updated"
        DUPLICATE = "duplicate", "already imported"
        REFUSED = "refused", "refused"
        HELD = "held", "held for the desk"
        WITHDRAWN = "withdrawn", "withdrawn (kill notice)"
        PICTURE = "picture", "picture, to the media library"

    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    name = models.CharField(max_length=255, help_text="The file's name as dropped.")
    item = models.PositiveSmallIntegerField(
        default=0, help_text="Which item of a document wrapping several; 0: the whole file."
    )
    sha256 = models.CharField(max_length=64, db_index=True, help_text="Of the file's bytes.")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.TextField(blank=True, help_text="Why it was refused, or what was noted.")
    article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    picture = models.ForeignKey(
        "library.LibraryImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kept_as = models.CharField(max_length=500, help_text="Where the file is now.")
    version_created = models.DateTimeField(
        "source version created", null=True, blank=True, help_text="As the agency says."
    )

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "wire inbox file"
        constraints = [
            # The same bytes never make or change a story twice, whatever the file's name.
            models.UniqueConstraint(
                fields=["sha256", "item"],
                condition=models.Q(outcome__in=["imported", "updated"]),
                name="wire_inbox_imported_once",
            )
        ]

    def __str__(self):
        return f"{self.name}, item {self.item}" if self.item else self.name


class WireStory(models.Model):
    """What the wire last said of an article it sent: its times, its uris, and its words.

    The words' hash is of the headline, standfirst and body as the wire last wrote them: an
    article whose words hash otherwise has been changed by an editor since, and the next
    wire version waits beside it (``HeldVersion``) instead of overwriting the desk's work.
    """

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, related_name="wire_story"
    )
    agency = models.CharField(max_length=100, blank=True)
    language_tag = models.CharField(
        "language as sent",
        max_length=35,
        blank=True,
        help_text="The agency's BCP 47 tag (nb-NO, zh-Hant …); the article's language is the "
        "nearest one the site offers.",
    )
    uris = models.TextField(
        blank=True, help_text="Every uri the story came in as, one a line (versions it replaced)."
    )
    first_created = models.DateTimeField(
        "source first created", null=True, blank=True, help_text="As the agency says."
    )
    version_created = models.DateTimeField(
        "source version created",
        null=True,
        blank=True,
        help_text="Of the newest version received; an older one never replaces it.",
    )
    words_hash = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "wire story"
        verbose_name_plural = "wire stories"
        permissions = [("import_story", "Can import wire stories")]

    def __str__(self):
        return str(self.article)


class HeldVersion(models.Model):
    """A wire version not applied: the desk changed the story since the wire's last one, or
    the agency withheld it. It waits beside the editor's version until someone decides."""

    class State(models.TextChoices):
        WAITING = "waiting", "waiting"
        APPLIED = "applied", "applied"
        DISMISSED = "dismissed", "dismissed"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="held_wire_versions"
    )
    received_at = models.DateTimeField(default=timezone.now)
    version_created = models.DateTimeField("source version created", null=True, blank=True)
    headline = models.CharField(max_length=255)
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True)
    why = models.CharField(max_length=200)
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = "held wire version"

    def __str__(self):
        return f"{self.headline} ({self.why})"


def token_digest(token):
    # Tokens are long random strings: a plain SHA-256 keeps them unreadable at rest.
    return hashlib.sha256(token.encode()).hexdigest()


class WireAgency(models.Model):
    """An agency that pushes its copy to ``/wire/push/<slug>/`` with its own bearer token.

    Only the token's hash is kept; ``manage.py wire_agency_token <slug>`` makes a new one
    and shows it once."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(unique=True, help_text="In its push address: /wire/push/<slug>/.")
    token_hash = models.CharField(max_length=64, editable=False)
    active = models.BooleanField(default=True, help_text="Untick to refuse its pushes.")

    class Meta:
        verbose_name_plural = "wire agencies"

    def __str__(self):
        return self.name

    def new_token(self):
        """A fresh token, its hash saved; the token itself is shown once and never kept."""
        token = secrets.token_urlsafe(32)
        self.token_hash = token_digest(token)
        self.save()
        return token

    def accepts(self, token):
        return bool(self.active and self.token_hash) and hmac.compare_digest(
            self.token_hash, token_digest(token)
        )
