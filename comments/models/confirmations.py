"""Links sent to commenters' addresses: clicking one proves the address is theirs."""

import hashlib
import hmac

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone

from .comments import Comment

TOKEN_SALT = "comments.confirmation"


def email_digest(email):
    """Binds a link to its address, without putting the address in the link."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"confirm:{email}".encode(), hashlib.sha256).hexdigest()[:16]


class ConfirmationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unsent(self):
        """Links the mail server has not yet taken, still worth sending."""
        young = timezone.now() - timezone.timedelta(days=settings.COMMENTS_CONFIRM_DAYS)
        return self.filter(sent_at__isnull=True, confirmed_at__isnull=True, created_at__gt=young)


class Confirmation(models.Model):
    """
    One link mailed to a commenter: the first time an address comments, and for each
    comment that waits for its author to confirm it. Kept unsent while the mail server
    is down (``send_comment_confirmations`` tries again), so nothing is lost.
    """

    email = models.EmailField(db_index=True)
    comment = models.ForeignKey(
        Comment,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="confirmations",
        help_text="The comment that asked for the link; confirming releases it if it waits.",
    )
    site_url = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where the reader commented: the link leads back there.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Tries to send the mail.")
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = ConfirmationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "address confirmation"

    def __str__(self):
        return self.email

    @property
    def token(self):
        return signing.dumps([self.pk, email_digest(self.email)], salt=TOKEN_SALT)

    @classmethod
    def from_token(cls, token):
        """The confirmation a link names; signing.SignatureExpired or BadSignature when none."""
        max_age = settings.COMMENTS_CONFIRM_DAYS * 24 * 60 * 60
        try:
            pk, digest = signing.loads(token, salt=TOKEN_SALT, max_age=max_age)
        except (TypeError, ValueError) as error:  # signed, but not by us in this shape
            raise signing.BadSignature(str(error)) from None
        confirmation = cls.objects.filter(pk=pk).select_related("comment__article").first()
        if confirmation is None or not hmac.compare_digest(
            email_digest(confirmation.email), str(digest)
        ):
            raise signing.BadSignature("No such confirmation.")
        return confirmation
