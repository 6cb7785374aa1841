import logging

from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger(__name__)


def notify_translators(original, translations, reason):
    """Email the translators of out-of-date translations; mail trouble never undoes the edit."""
    for translation in translations:
        emails = translation.translator_emails()
        if not emails:
            continue
        try:
            send_mail(
                f"Translation out of date: {translation.headline}",
                f"The original “{original.headline}” has changed since this translation "
                f"was made.\n\n{reason}\n\nPlease bring the translation up to date and mark "
                "it so in the admin.",
                settings.DEFAULT_FROM_EMAIL,
                emails,
            )
        except Exception:  # a mail server being down must not break publishing
            logger.exception("Could not tell translators of %s", translation.pk)
