"""Who and what may not comment: banned words and banned commenters."""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from ..text import fold
from .comments import MODERATE_PERMISSION, Comment, normalize_email

BAN_PERMISSIONS = [MODERATE_PERMISSION, "comments.add_bannedcommenter"]
BANNED_REASON = "Banned commenter"


class BannedWord(models.Model):
    class Action(models.TextChoices):
        QUEUE = "queue", "Hold for moderation"
        SPAM = "spam", "Mark as spam"

    word = models.CharField(
        max_length=100,
        unique=True,
        help_text=(
            "Matched as a whole word or phrase, ignoring case, accents, invisible characters "
            "and look-alike letters from other alphabets."
        ),
    )
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.QUEUE)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.word = self.word.strip().lower()
        super().save(*args, **kwargs)

    def matches(self, text):
        return self.matches_folded(fold(text))

    def matches_folded(self, folded_text):
        """Whether the word is in a text already folded (comments.text.fold)."""
        return any(
            word and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
            for word, text in zip(fold(self.word), folded_text, strict=True)
        )

    @classmethod
    def first_in(cls, text):
        """The first banned word in the text, however disguised, or None."""
        folded = fold(text)
        return next((word for word in cls.objects.all() if word.matches_folded(folded)), None)


class BannedCommenter(models.Model):
    email = models.EmailField(unique=True)
    reason = models.CharField(max_length=250, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    @classmethod
    def is_banned(cls, email):
        return cls.objects.filter(email__iexact=email.strip()).exists()

    @classmethod
    def ban(cls, emails, by, reason="", comments=()):
        """Ban these addresses and mark their comments waiting in the queue as spam.

        The comments given (those a moderator picked out) go to spam too, whatever
        their status. by is None when the system bans. Returns the bans, new or
        not, and the comments that became spam.
        """
        if by is not None and not by.has_perms(BAN_PERMISSIONS):
            raise PermissionDenied("You may not ban commenters.")
        emails = sorted({normalize_email(email) for email in emails} - {""})
        defaults = {"reason": reason, "created_by": by}
        with transaction.atomic():
            bans = [
                cls.objects.get_or_create(email=email, defaults=defaults)[0] for email in emails
            ]
            waiting = Comment.objects.pending().filter(email__in=emails)
            spammed = []
            for comment in sorted({*comments, *waiting}, key=lambda comment: comment.pk):
                if comment.mark_spam(by, reason or BANNED_REASON) is not None:
                    spammed.append(comment)
        return bans, spammed
