"""
Comments in the admin and mailed confirmation links, tried as every role: what the role
may do succeeds, everything else is refused and changes nothing.
"""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import BannedCommenter, Comment, Confirmation, email_digest
from comments.models.confirmations import TOKEN_SALT as confirmation_token_salt
from tests.roles import ROLES, admin_url, client_for, table, undone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_passwords")]

# Comments change status by decisions, which the moderation log keeps; nobody deletes
# one in the admin, as that would delete its log too.
COMMENT_STEPS = table("""
step            reporter  translator  editor  moderator  superuser
open            no        no          yes     yes        yes
decide          no        no          yes     yes        yes
approve-bulk    no        no          yes     yes        yes
reject-bulk     no        no          yes     yes        yes
spam-bulk       no        no          yes     yes        yes
remove-bulk     no        no          yes     yes        yes
ban-bulk        no        no          yes     yes        yes
delete          no        no          no      no         no
""")

# A mailed confirmation link: the link is the credential, whoever holds it, signed in
# or not; a forged, bent or expired one confirms nothing for anyone.
CONFIRMATION_LINKS = table("""
link      reporter  translator  editor  moderator  superuser
valid     yes       yes         yes     yes        yes
forged    no        no          no      no         no
bent      no        no          no      no         no
expired   no        no          no      no         no
""")


# Comments


def comment_step(step, client, comment):
    changelist = reverse("admin:comments_comment_changelist")
    actions = {
        "approve-bulk": ("approve_selected", "approved"),
        "reject-bulk": ("reject_selected", "rejected"),
        "spam-bulk": ("mark_spam_selected", "spam"),
        "remove-bulk": ("remove_selected", "removed"),
        "ban-bulk": ("ban_commenters", "spam"),
    }
    if step == "open":
        return client.get(admin_url(comment, "change")).status_code == 200
    if step == "decide":
        url = reverse("admin:comments_comment_decide", args=[comment.pk])
        client.post(url, {"decision": "approve", "reason": "Fine"})
        return Comment.objects.filter(pk=comment.pk, status="approved").exists()
    if step == "delete":
        client.post(admin_url(comment, "delete"), {"post": "yes"})
        return not Comment.objects.filter(pk=comment.pk).exists()
    action, status = actions[step]
    client.post(changelist, {"action": action, "_selected_action": [comment.pk], "reason": "r"})
    done = Comment.objects.filter(pk=comment.pk, status=status).exists()
    if step == "ban-bulk":
        assert done == BannedCommenter.objects.filter(email=comment.email).exists()
    return done


@pytest.mark.parametrize("role", ROLES)
def test_comment_steps(role, people, model_objects):
    client = client_for(people[role])
    comment = model_objects["comments.comment"]
    found = {}
    for step in COMMENT_STEPS:
        with undone():
            done = comment_step(step, client, Comment.objects.get(pk=comment.pk))
            if not done:
                assert not comment.log.exclude(pk=model_objects["comments.moderationlog"].pk)
            found[step] = "yes" if done else "no"
    assert found == {step: rights[role] for step, rights in COMMENT_STEPS.items()}


# Confirmation links


def confirmation_link(kind, confirmation):
    token = confirmation.token
    if kind == "forged":
        token = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    elif kind == "bent":
        other = Confirmation.objects.create(email="someone-else@example.org")
        token = signing.dumps(
            [other.pk, email_digest(confirmation.email)], salt=confirmation_token_salt
        )
    return reverse("comments:confirm", args=[token])


def press_confirm(client, kind, confirmation, monkeypatch):
    url = confirmation_link(kind, confirmation)
    if kind == "expired":
        days = settings.COMMENTS_CONFIRM_DAYS + 1
        later = (timezone.now() + timezone.timedelta(days=days)).timestamp()
        monkeypatch.setattr("django.core.signing.time", SimpleNamespace(time=lambda: later))
    opened = client.get(url).status_code
    client.post(url)
    monkeypatch.undo()
    confirmation.refresh_from_db()
    done = confirmation.confirmed_at is not None
    assert opened == (200 if done else 400)
    return done


@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_confirmation_links(role, people, publish, monkeypatch):
    client = Client() if role == "anonymous" else client_for(people[role])
    comment = Comment.objects.create(
        article=publish(), name="Reader", email="reader@example.org", text="Hello."
    )
    found = {}
    for kind in CONFIRMATION_LINKS:
        with undone():
            confirmation = Confirmation.objects.create(email=comment.email, comment=comment)
            found[kind] = "yes" if press_confirm(client, kind, confirmation, monkeypatch) else "no"
    column = "superuser" if role == "anonymous" else role  # a valid link works for anyone
    assert found == {kind: rights[column] for kind, rights in CONFIRMATION_LINKS.items()}
