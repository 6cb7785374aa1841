"""A reader posts a comment: a normal reader gets through, each spam defence refuses."""

import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from articles.models import CommentPolicy
from comments.forms import make_timestamp
from comments.models import BannedWord, Comment
from comments.text import count_links
from jobs.models import OutgoingMail
from tests.factories import add_comment, form_data, post_comment

pytestmark = pytest.mark.django_db

TYPED = "My carefully typed opinion, which must not be lost."


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def the_only_comment():
    return Comment.objects.get()


def assert_refused_keeping_text(response, message):
    assert response.status_code == 200
    assert not Comment.objects.exists()
    page = response.content.decode()
    assert message in page
    assert TYPED.replace("'", "&#x27;").replace(",", ",") in page
    assert 'value="Ada Reader"' in page


def test_a_reader_posts_and_is_told_the_comment_awaits_moderation(client, article):
    response = post_comment(client, article, text=TYPED, follow=True)

    comment = the_only_comment()
    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == "New commenter"
    assert response.redirect_chain[-1][0].endswith(f"#comment-{comment.pk}")
    page = response.content.decode()
    assert "Your comment is awaiting moderation" in page
    assert TYPED in page
    assert "Awaiting moderation" in page


def test_the_commenter_reads_the_shared_page_and_their_comment_comes_with_the_form(client, article):
    """Their waiting comment is theirs alone, so it never makes the page theirs: the page
    stays the one kept for every reader, and the form's answer brings the comment."""
    post_comment(client, article, text=TYPED, follow=True)
    assert "sessionid" not in client.cookies
    for name in [name for name, cookie in client.cookies.items() if cookie["max-age"] == 0]:
        del client.cookies[name]  # as a browser forgets the message shown once
    page = client.get(article.get_absolute_url())
    assert "public" in page["Cache-Control"] and "Set-Cookie" not in page
    assert page.content == Client().get(article.get_absolute_url()).content
    assert TYPED not in page.content.decode()

    form_values = reverse("comments:form-values", args=[article.pk])
    waiting = client.get(form_values).json()["waiting"]
    assert TYPED in waiting and "Awaiting moderation" in waiting
    assert Client().get(form_values).json()["waiting"] == ""

    client.cookies["comments_own"] = f"{the_only_comment().pk}:forged"
    assert client.get(form_values).json()["waiting"] == ""


def test_someone_else_does_not_see_the_pending_comment(client, article):
    post_comment(client, article, text=TYPED)

    client.cookies.clear()
    assert TYPED not in client.get(article.get_absolute_url()).content.decode()


def test_honeypot_refuses_bots_outright(client, article):
    response = post_comment(client, article, text=TYPED, website="http://spam.example")

    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_a_form_sent_too_fast_is_refused_politely(client, article):
    response = post_comment(client, article, text=TYPED, timestamp=make_timestamp(article))
    assert_refused_keeping_text(response, "That was quick!")


def test_a_form_left_open_too_long_is_refused_politely(client, article, settings):
    settings.COMMENTS_FORM_MAX_AGE = 3600
    stale = make_timestamp(article, at=time.time() - 3700)
    response = post_comment(client, article, text=TYPED, timestamp=stale)
    assert_refused_keeping_text(response, "the form has expired")


def test_a_refused_form_gets_a_fresh_timestamp_to_send_again(client, article, settings):
    settings.COMMENTS_FORM_MAX_AGE = 3600
    stale = make_timestamp(article, at=time.time() - 3700)
    page = post_comment(client, article, text=TYPED, timestamp=stale).content.decode()
    assert stale not in page


def test_a_forged_timestamp_is_refused(client, article):
    response = post_comment(client, article, text=TYPED, timestamp="forged")
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_too_long_a_comment_is_refused_politely(client, article, settings):
    settings.COMMENTS_MAX_LENGTH = 60
    response = post_comment(client, article, text=TYPED + " And some more words.")
    assert_refused_keeping_text(response, "Please keep your comment under 60 characters")


def test_too_many_links_are_refused_politely(client, article, settings):
    settings.COMMENTS_MAX_LINKS = 2
    text = TYPED + " http://a.example http://b.example www.c.example"
    response = post_comment(client, article, text=text)
    page = response.content.decode()
    assert "Please include no more than 2 links (your comment has 3)." in page
    assert not Comment.objects.exists()
    assert "www.c.example" in page


def test_a_few_links_pass_but_are_held_for_a_moderator(client, publish, settings):
    settings.COMMENTS_MAX_LINKS = 3
    settings.COMMENTS_HOLD_AFTER_LINKS = 1
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    post_comment(client, article, text="See http://a.example and http://b.example")
    comment = the_only_comment()
    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == "Too many links (2)"


BARE_LINKS = "evil-one.com evil-two.com/x www.evil-three.net mail@evil-four.org evil-five.org"


def test_bare_domains_count_as_the_links_they_become(client, publish, settings):
    settings.COMMENTS_MAX_LINKS = 3
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    response = post_comment(client, article, text=f"{TYPED} {BARE_LINKS}")
    assert "Please include no more than 3 links (your comment has 5)." in response.content.decode()
    assert not Comment.objects.exists()


def test_a_bare_domain_sends_a_post_moderated_comment_to_the_queue(client, publish, settings):
    settings.COMMENTS_HOLD_AFTER_LINKS = 1
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    post_comment(client, article, text="Cheap watches at evil-one.com and evil-two.com/x")
    comment = the_only_comment()
    assert (comment.status, comment.held_reason) == ("pending", "Too many links (2)")


def test_what_is_counted_is_what_is_shown(client, publish, settings):
    settings.COMMENTS_MAX_LINKS = settings.COMMENTS_HOLD_AFTER_LINKS = 0
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    text = f"{BARE_LINKS} http://a.example/x?y=1 evil.io 1.2.3.4 a.b"
    post_comment(client, article, text=text)
    page = client.get(article.get_absolute_url()).content.decode()
    shown = page.split('class="comment-text"', 1)[1].split("</div>", 1)[0]
    assert shown.count("<a ") == count_links(text) == 6


def test_rate_limit_per_ip(client, article, settings):
    settings.COMMENTS_RATE_PER_IP = 2
    settings.COMMENTS_RATE_PER_EMAIL = 0
    for n in range(2):
        post_comment(client, article, email=f"reader{n}@example.org", text=f"Comment {n}")
    response = post_comment(client, article, email="another@example.org", text=TYPED)
    elsewhere = post_comment(client, article, email="more@example.org", ip="10.9.9.9")
    assert elsewhere.status_code == 302
    assert response.status_code == 200
    assert "please wait a few minutes" in response.content.decode()
    assert TYPED in response.content.decode()
    assert Comment.objects.count() == 3


def test_rate_limit_per_email_whatever_the_address(client, article, settings):
    settings.COMMENTS_RATE_PER_IP = 0
    settings.COMMENTS_RATE_PER_EMAIL = 1
    post_comment(client, article, text="First", ip="10.0.0.1")
    response = post_comment(client, article, text=TYPED, email="ADA@example.org", ip="10.0.0.2")
    assert "please wait a few minutes" in response.content.decode()
    assert Comment.objects.count() == 1


def test_missing_fields_are_named_and_the_text_kept(client, article):
    response = post_comment(client, article, text=TYPED, email="not-an-email")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address." in page
    assert TYPED in page
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("action", "status"),
    [(BannedWord.Action.SPAM, Comment.Status.SPAM), (BannedWord.Action.QUEUE, "pending")],
)
def test_banned_words_send_to_spam_or_the_queue(client, publish, action, status):
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    BannedWord.objects.create(word="Cheap Pills", action=action)
    post_comment(client, article, text="Buy CHEAP pills now")
    comment = the_only_comment()
    assert comment.status == status
    assert comment.held_reason == "Banned word “cheap pills”"


def test_banned_words_match_whole_words_only(client, publish):
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    BannedWord.objects.create(word="ass", action=BannedWord.Action.SPAM)
    post_comment(client, article, text="The assembly passed the law.")
    assert the_only_comment().status == Comment.Status.APPROVED


@pytest.mark.parametrize(
    "disguised",
    [
        "s\u200bcam",  # a zero-width space inside
        "sc\u00adam\u2060",  # a soft hyphen and a word joiner
        "\u0455cam",  # Cyrillic dze for the s
        "\u0405\u0421\u0410\u041c",  # all four letters Cyrillic capitals
        "\uff53\uff43\uff41\uff4d",  # full-width letters
        "\U0001d42c\U0001d41c\U0001d41a\U0001d426",  # mathematical bold
        "sc\u00e0m",  # an accent
        "s\u0336c\u0336a\u0336m\u0336",  # struck through with combining marks
    ],
)
def test_banned_words_are_found_however_disguised(client, publish, disguised):
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    BannedWord.objects.create(word="scam", action=BannedWord.Action.SPAM)
    post_comment(client, article, text=f"Great offer, not a {disguised} at all")
    comment = the_only_comment()
    assert (comment.status, comment.held_reason) == ("spam", "Banned word “scam”")


def test_folding_keeps_words_whole(client, publish):
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    BannedWord.objects.create(word="scam", action=BannedWord.Action.SPAM)
    post_comment(client, article, text="Scampi and \u0455callops for dinner")
    assert the_only_comment().status == Comment.Status.APPROVED


def test_a_banned_word_typed_with_look_alikes_still_matches_plain_text(client, publish):
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    BannedWord.objects.create(word="\u0441asino", action=BannedWord.Action.SPAM)  # Cyrillic es
    post_comment(client, article, text="Best CASINO bonus")
    assert the_only_comment().status == Comment.Status.SPAM


def test_post_moderated_comments_are_public_at_once(client, publish):
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    response = post_comment(client, article, text=TYPED, follow=True)
    assert the_only_comment().status == Comment.Status.APPROVED
    client.cookies.clear()
    assert TYPED in client.get(article.get_absolute_url()).content.decode()
    assert "published" in response.content.decode()


def test_a_section_sets_the_policy_an_article_can_override(client, publish, section):
    section.comment_policy = CommentPolicy.POST_MODERATED
    section.save()
    follows_section = publish()
    stricter = publish(comment_policy=CommentPolicy.PRE_MODERATED)
    post_comment(client, follows_section, text="Public at once")
    post_comment(client, stricter, text="Waits for a moderator", email="bea@example.org")
    assert Comment.objects.get(text="Public at once").status == "approved"
    assert Comment.objects.get(text="Waits for a moderator").status == "pending"


def test_staff_comment_under_their_name(client, editor, article):
    editor.first_name, editor.last_name = "Elena", "Editor"
    editor.save()
    client.force_login(editor)
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'name="email"' not in page
    post_comment(client, article, text=TYPED)
    comment = the_only_comment()
    assert (comment.name, comment.user, comment.status) == ("Elena Editor", editor, "approved")


def test_replies_attach_to_a_public_comment_one_level_deep(client, article):
    top = add_comment(article)
    reply = add_comment(article, parent=top)
    post_comment(client, article, text=TYPED, parent=str(reply.pk))
    assert Comment.objects.get(text=TYPED).parent == top


def test_a_refused_reply_stays_a_reply(client, article, settings):
    settings.COMMENTS_MAX_LENGTH = 20
    top = add_comment(article, name="Grace")
    response = post_comment(client, article, text=TYPED, parent=str(top.pk))
    page = response.content.decode()
    assert "Reply to Grace" in page
    assert f'name="parent" value="{top.pk}"' in page


def test_no_reply_to_a_comment_that_is_not_public(client, article):
    hidden = add_comment(article, status=Comment.Status.PENDING)
    response = post_comment(client, article, text=TYPED, parent=str(hidden.pk))
    assert "no longer available" in response.content.decode()
    assert TYPED in response.content.decode()


def test_nothing_can_be_posted_to_an_unpublished_article(client, make_article):
    draft = make_article(headline="Draft")
    assert post_comment(client, draft).status_code == 404
    assert not Comment.objects.exists()


def test_moderators_are_told_of_new_pending_comments(
    client, article, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, text=TYPED)
    [notice] = mails_to("moderator@example.com")
    assert TYPED in notice.body
    assert "http://testserver/admin/comments/comment/" in notice.body


def test_comments_that_are_not_waiting_are_not_announced(
    client, publish, moderator, django_capture_on_commit_callbacks
):
    article = publish(comment_policy=CommentPolicy.POST_MODERATED)
    BannedWord.objects.create(word="casino", action=BannedWord.Action.SPAM)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, text="Public at once")
        post_comment(client, article, text="Best casino bonus", email="bot@example.org")
    assert Comment.objects.count() == 2
    assert mails_to("moderator@example.com") == []


def test_a_failing_mail_server_loses_no_comment(
    client, article, moderator, settings, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("jobs.sending.get_connection", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, article, text=TYPED)
    assert response.status_code == 302
    assert the_only_comment().text == TYPED
    waiting = OutgoingMail.objects.get()  # the moderators' mail, kept to be tried again
    assert (waiting.status, waiting.attempts) == ("waiting", 1)
    assert "ConnectionRefusedError: mail server down" in waiting.last_error


class TestClosing:
    def test_a_closed_article_says_so_instead_of_the_form(self, client, publish):
        article = publish(comment_policy=CommentPolicy.CLOSED)
        page = client.get(article.get_absolute_url()).content.decode()
        assert "Comments are closed." in page
        assert 'name="text"' not in page
        post_comment(client, article)
        assert not Comment.objects.exists()

    def test_a_section_can_close_its_articles(self, client, publish, section):
        section.comment_policy = CommentPolicy.CLOSED
        section.save()
        article = publish()
        assert "Comments are closed." in client.get(article.get_absolute_url()).content.decode()

    def test_comments_close_by_themselves_after_some_days(self, client, publish, settings):
        settings.COMMENTS_CLOSE_AFTER_DAYS = 7
        fresh = publish(hours_ago=6 * 24)
        old = publish(hours_ago=8 * 24)
        assert 'name="text"' in client.get(fresh.get_absolute_url()).content.decode()
        assert "Comments are closed." in client.get(old.get_absolute_url()).content.decode()
        post_comment(client, old)
        assert not Comment.objects.exists()


def test_a_comment_sent_to_the_address_the_story_had_when_the_form_opened_is_kept(client, article):
    form_address = reverse("comments:post", kwargs={"slug": article.slug})
    article.slug = "harbour-fraud-trial-opens-in-oslo"  # an editor renames it meanwhile
    article.save()

    response = client.post(form_address, form_data(article, text=TYPED), follow=True)

    comment = the_only_comment()
    assert (comment.article, comment.text) == (article, TYPED)
    assert response.redirect_chain[-1][0].startswith(article.get_absolute_url())
    assert "Your comment is awaiting moderation" in response.content.decode()


def test_an_address_no_story_ever_had_takes_no_comment(client, article):
    response = client.post(
        reverse("comments:post", kwargs={"slug": "never-was"}), form_data(article, text=TYPED)
    )

    assert response.status_code == 404
    assert not Comment.objects.exists()
