"""
Who hears of what: the workflow's steps and out-of-date translations become
notices on people's desks and emails, each as its recipient chose.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from articles.models import PUBLISH_PERMISSION

from .mail import send_after_commit
from .models import KINDS, Notice, NoticeSetting

# The permission lives on groups and users; superusers are not editors by default.
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def absolute(path):
    return f"{settings.NEWSROOM_URL}{path}"


def display_name(user):
    if user is None:
        return "The newsroom"
    contributor = getattr(user, "contributor", None)
    return contributor.name if contributor else user.get_full_name() or user.get_username()


def editors():
    """Everyone who may publish: they review what is submitted."""
    return get_user_model().objects.with_perm(
        PUBLISH_PERMISSION, include_superusers=False, backend=PERMISSION_BACKEND
    )


def people_on(article):
    """Who wrote the story and everyone credited on it who has an account."""
    people = [
        credit.contributor.user
        for credit in article.credits.select_related("contributor__user")
        if credit.contributor.user_id
    ]
    if article.created_by_id:
        people.append(article.created_by)
    return people


def notify(kind, users, article, title, text="", by=None):
    """Tell each of ``users`` (but not ``by``, who knows) as they chose: desk, email, both."""
    recipients = {user.pk: user for user in users if user.is_active and user != by}
    chosen = NoticeSetting.chosen(list(recipients), kind)
    notices, mails = [], []
    for pk, user in recipients.items():
        on_desk, by_email = chosen.get(pk, (True, True))
        if on_desk:
            notices.append(Notice(user=user, kind=kind, article=article, title=title, text=text))
        if by_email and user.email:
            mails.append(email(kind, user, article, title, text))
    Notice.objects.bulk_create(notices)
    send_after_commit(mails)
    return notices


def email(kind, user, article, title, text):
    link = absolute(reverse("admin:articles_article_change", args=[article.pk]))
    body = [title, text, f"Open the story: {link}"]
    body.append(
        "You get this email because of your notification settings: "
        + absolute(reverse("desk:settings"))
    )
    return EmailMessage(
        subject=f"[{settings.NEWSROOM_NAME}] "
        + KINDS[kind].subject.format(headline=article.headline),
        body="\n\n".join(part for part in body if part) + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )


def on_step_taken(sender, article, step, by, note, **kwargs):
    who, headline = display_name(by), article.headline
    if step.name == "submit":
        notify(
            "submitted", editors(), article, f"{who} submitted “{headline}” for review.", note, by
        )
    elif step.name == "return":
        title = f"{who} returned “{headline}” to its reporter."
        notify("returned", people_on(article), article, title, note, by)
    elif step.name == "publish":
        if article.is_scheduled:
            when = timezone.localtime(article.release_at).strftime("%Y-%m-%d %H:%M %Z")
            title = f"{who} scheduled “{headline}”: readers see it from {when}."
        else:
            title = f"{who} published “{headline}”."
        notify("published", people_on(article), article, title, note, by)
    elif step.name == "withdraw":
        notify("withdrawn", people_on(article), article, f"{who} withdrew “{headline}”.", note, by)


def on_translations_out_of_date(sender, original, translations, reason, **kwargs):
    for translation in translations:
        title = (
            f"The original “{original.headline}” has changed since this translation was made. "
            "Please bring the translation up to date and mark it so in the admin."
        )
        notify("out_of_date", translation.translator_users(), translation, title, reason)
