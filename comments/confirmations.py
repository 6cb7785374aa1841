"""
Commenters prove their address by a link mailed to it, and their browser remembers.

Trust (approval at once after enough approved comments) belongs to whoever proved
the address: a comment that trust would publish is published only when it comes
from a browser that clicked a link sent to that address; from anywhere else it
waits for its author to confirm it from the mail. So typing a trusted commenter's
address earns nothing.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from .cookies import SignedIds
from .models import Confirmation
from .text import mail_quote

logger = logging.getLogger(__name__)

# The browser's proof: the confirmations it clicked, signed so no one can forge one.
PROOF = SignedIds("commenter_proof", "comments.proof", days=365, kept=10)


def send_confirmation(confirmation_pk):
    """Send one confirmation link. True once the mail server took it; never raises."""
    confirmation = Confirmation.objects.select_related("comment__article").get(pk=confirmation_pk)
    if confirmation.sent_at or confirmation.confirmed_at:
        return True
    # Counted only if nobody counted an attempt since we read it: of two senders, one sends.
    claimed = Confirmation.objects.filter(
        pk=confirmation.pk, sent_at__isnull=True, attempts=confirmation.attempts
    ).update(attempts=confirmation.attempts + 1)
    if not claimed:
        return True
    try:
        send_mail(
            subject=f"[{settings.NEWSROOM_NAME}] Please confirm your comment",
            message=confirmation_message(confirmation),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[confirmation.email],
        )
    except Exception:
        # The comment is saved and waits; the link is sent again later.
        logger.exception("Could not send confirmation %s", confirmation.pk)
        return False
    Confirmation.objects.filter(pk=confirmation.pk).update(sent_at=timezone.now())
    return True


def confirmation_url(confirmation):
    path = reverse("comments:confirm", args=[confirmation.token])
    return f"{confirmation.site_url.rstrip('/')}{path}" if confirmation.site_url else path


def confirmation_message(confirmation):
    # The address is anyone's to type: what the commenter wrote is quoted only as far as
    # the owner needs to recognise it, so no one can mail a message through us.
    comment = confirmation.comment
    said = ""
    if comment is not None:
        name, excerpt = mail_quote(comment.name, 40), mail_quote(comment.text)
        said = f"as “{name}” on “{comment.article}”:\n\n“{excerpt}”\n\n"
    return (
        f"Someone, we hope you, commented with this address {said or 'on our site. '}"
        f"If it was you, open this link and press “Confirm” (within "
        f"{settings.COMMENTS_CONFIRM_DAYS} days):\n\n{confirmation_url(confirmation)}\n\n"
        "Confirming tells us this address is yours: once moderators have approved a few of "
        "your comments, the next ones you post from the same browser appear at once.\n\n"
        "If it was not you, ignore this message: nothing is published because of it.\n"
    )


# The browser's proof


def proven_emails(request):
    """The addresses this browser proved by clicking their links."""
    ids = PROOF.read(request)
    if not ids:
        return set()
    return set(Confirmation.objects.confirmed().filter(pk__in=ids).values_list("email", flat=True))


def remember_proof(request, response, confirmation):
    PROOF.add(request, response, confirmation.pk)
