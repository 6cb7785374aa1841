"""
Trust belongs to whoever proved the address: a mailed link, one button, and the
browser that pressed it is known from then on. Typing someone's address earns nothing.
"""

import json
import re
from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import CommentPolicy
from comments.models import (
    AWAITING_CONFIRMATION,
    BannedWord,
    Comment,
    Confirmation,
    email_digest,
)
from comments.models.confirmations import TOKEN_SALT
from tests.factories import add_comment, post_comment, prove_address

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://testserver(/comments/confirm/[^/\s]+/)")


@pytest.fixture
def trusted_history(article, settings):
    """ada@example.org has had three comments approved and once confirmed her address."""
    settings.COMMENTS_TRUSTED_AFTER = 3
    for _ in range(3):
        add_comment(article, email="ada@example.org")
    Confirmation.objects.create(email="ada@example.org", confirmed_at=timezone.now())


def posted(client, article, django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return post_comment(client, article, follow=True, **fields)


def link_in(message):
    return LINK.search(message.body).group(1)


def test_typing_a_trusted_commenters_address_earns_nothing(
    client, article, trusted_history, django_capture_on_commit_callbacks
):
    response = posted(client, article, django_capture_on_commit_callbacks, text="Impostor speaking")
    comment = Comment.objects.get(text="Impostor speaking")
    assert (comment.status, comment.held_reason) == ("pending", AWAITING_CONFIRMATION)
    page = response.content.decode()
    assert "Your comment will appear once you confirm it" in page
    assert "Waiting for you to confirm it by email" in page
    # The owner of the address is asked, and shown what was posted in their name.
    [message] = [m for m in mail.outbox if m.to == ["ada@example.org"]]
    assert "Impostor speaking" in message.body
    client.cookies.clear()
    assert "Impostor speaking" not in client.get(article.get_absolute_url()).content.decode()


def test_the_author_confirms_from_the_mail_and_the_comment_appears(
    client, article, trusted_history, django_capture_on_commit_callbacks
):
    posted(client, article, django_capture_on_commit_callbacks, text="Really me")
    link = link_in(mail.outbox[-1])

    mailbox = Client()  # the mail opened elsewhere: a phone, a scanner
    opened = mailbox.get(link)
    assert opened.status_code == 200
    assert "Really me" in opened.content.decode()
    comment = Comment.objects.get(text="Really me")
    assert comment.status == "pending"  # opening the link is not enough: scanners open links

    confirmed = mailbox.post(link, follow=True)
    assert "Thank you: your address is confirmed" in confirmed.content.decode()
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert comment.log.last().reason == "Confirmed by the commenter. Trusted commenter (3 approved)"

    # The browser that confirmed is known from now on: no link, no wait.
    mail.outbox.clear()
    posted(mailbox, article, django_capture_on_commit_callbacks, text="Me again")
    assert Comment.objects.get(text="Me again").status == "approved"
    assert mail.outbox == []


def test_the_first_comment_from_an_address_brings_a_link_later_ones_do_not(
    client, article, django_capture_on_commit_callbacks
):
    response = posted(client, article, django_capture_on_commit_callbacks, text="Hello")
    page = response.content.decode()
    assert "Your comment is awaiting moderation. We are sending a link to ada@example.org" in page
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert "Hello" in message.body
    confirmation = Confirmation.objects.get()
    assert confirmation.sent_at is not None and confirmation.confirmed_at is None

    mail.outbox.clear()
    posted(client, article, django_capture_on_commit_callbacks, text="Hello again")
    assert mail.outbox == []
    # Confirming proves the address; the comments still wait for a moderator.
    Client().post(link_in(message))
    confirmation.refresh_from_db()
    assert confirmation.confirmed_at is not None
    assert set(Comment.objects.values_list("status", flat=True)) == {"pending"}


def test_only_confirmed_addresses_earn_trust_even_from_the_same_browser(
    client, article, settings, django_capture_on_commit_callbacks
):
    settings.COMMENTS_TRUSTED_AFTER = 1
    add_comment(article, email="ada@example.org")
    posted(client, article, django_capture_on_commit_callbacks, text="Not yet proved")
    assert Comment.objects.get(text="Not yet proved").awaits_confirmation


def test_no_link_for_spam_nor_staff(client, publish, editor, django_capture_on_commit_callbacks):
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    BannedWord.objects.create(word="casino", action=BannedWord.Action.SPAM)
    posted(client, article, django_capture_on_commit_callbacks, text="casino", email="x@e.org")
    staff = Client()
    staff.force_login(editor)
    posted(staff, article, django_capture_on_commit_callbacks, text="From the desk")
    assert not Confirmation.objects.exists()
    assert mail.outbox == []


def test_a_published_first_comment_says_so_and_asks_for_the_address(
    client, publish, django_capture_on_commit_callbacks
):
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    page = posted(client, article, django_capture_on_commit_callbacks).content.decode()
    assert "Thank you: your comment is published. We are sending a link" in page


def test_with_the_mail_server_down_the_comment_waits_and_the_link_goes_later(
    client, article, trusted_history, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("comments.confirmations.send_mail", broken)
    response = posted(client, article, django_capture_on_commit_callbacks, text="Kept safe")
    assert response.status_code == 200
    comment = Comment.objects.get(text="Kept safe")
    assert comment.awaits_confirmation
    waiting = Confirmation.objects.get(comment=comment)
    assert (waiting.sent_at, waiting.attempts) == (None, 1)

    monkeypatch.undo()
    out = StringIO()
    call_command("send_comment_confirmations", stdout=out)
    assert "Sent 1 confirmation link(s); 0 could not be sent." in out.getvalue()
    waiting.refresh_from_db()
    assert waiting.sent_at is not None and waiting.attempts == 2
    Client().post(link_in(mail.outbox[-1]))
    comment.refresh_from_db()
    assert comment.status == "approved"
    call_command("send_comment_confirmations", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_links_expire_and_cannot_be_forged_or_bent(
    client, article, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.COMMENTS_CONFIRM_DAYS = 7
    posted(client, article, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[-1])
    token = link.split("/")[-2]
    confirmation = Confirmation.objects.get()
    forged = reverse("comments:confirm", args=[token[:-3] + "abc"])
    other = Confirmation.objects.create(email="other@example.org")
    # Were the key ever to sign another's number, the address bound in it would not match.
    bent_token = signing.dumps([other.pk, email_digest("ada@example.org")], salt=TOKEN_SALT)
    bent = reverse("comments:confirm", args=[bent_token])
    for url in (forged, bent, reverse("comments:confirm", args=["nonsense"])):
        for response in (Client().get(url), Client().post(url)):
            assert response.status_code == 400, url
            assert "This link does not work" in response.content.decode()
    later = (timezone.now() + timedelta(days=8)).timestamp()
    monkeypatch.setattr("django.core.signing.time", SimpleNamespace(time=lambda: later))
    expired = Client().post(link)
    assert expired.status_code == 400
    assert "this one is older" in expired.content.decode()
    confirmation.refresh_from_db()
    assert confirmation.confirmed_at is None


def test_the_confirmation_page_is_never_cached_nor_indexed(client, article, settings):
    settings.PAGE_CACHE_SECONDS = 300
    confirmation = Confirmation.objects.create(email="ada@example.org")
    url = reverse("comments:confirm", args=[confirmation.token])
    response = Client().get(url)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "ada@example.org" in response.content.decode()


def test_a_proof_belongs_to_its_address_only(client, article, trusted_history):
    prove_address(client, "bob@example.org")
    post_comment(client, article, text="Bob using Ada's address")
    assert Comment.objects.get(text="Bob using Ada's address").awaits_confirmation


def test_erasing_a_commenter_forgets_their_confirmations(client, article):
    post_comment(client, article)
    exported = StringIO()
    call_command("commenter_data", "--export", "ada@example.org", stdout=exported)
    assert len(json.loads(exported.getvalue())["confirmations"]) == 1
    call_command("commenter_data", "--erase", "ada@example.org", stdout=StringIO())
    assert not Confirmation.objects.exists()
