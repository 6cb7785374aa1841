"""
Text typed to hurt: a name of several lines, a comment that is a message to someone
else, characters that show a word other than the one the rules read.
"""

import pytest
from django.core import mail

from comments.models import BannedWord, Comment
from tests.factories import post_comment

pytestmark = pytest.mark.django_db

SPAM = (
    "Congratulations, you have won!\n\n"
    "Claim your prize at https://prize-claims.example/win?id=42 before Friday.\n"
    "Call us at once: nothing to pay."
)


def posted(client, article, django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return post_comment(client, article, follow=True, **fields)


def confirmation_mail(address="ada@example.org"):
    [message] = [m for m in mail.outbox if m.to == [address]]
    return message


@pytest.mark.parametrize("break_", ["\r\n", "\n", "\r", "\u2028", "\x85"])
def test_a_name_of_several_lines_is_refused_keeping_what_was_typed(client, article, break_):
    typed = "A remark worth keeping."
    response = post_comment(client, article, name=f"Ada{break_}Dear winner", text=typed)

    assert response.status_code == 200
    assert not Comment.objects.exists()
    page = response.content.decode()
    assert "Please write your name on a single line." in page
    assert typed in page


def test_the_confirmation_mail_quotes_a_single_short_line_without_links(
    client, article, django_capture_on_commit_callbacks
):
    name = "Prize Office — call +1 555 0100 now, visit prize-claims.example today!!"
    posted(client, article, django_capture_on_commit_callbacks, name=name, text=SPAM)

    assert Comment.objects.get().text == SPAM  # the page shows it all, once approved
    body = confirmation_mail().body
    # The owner of the address recognises the comment, but no stranger's message reaches them.
    assert "Congratulations, you have won!" in body
    assert "Call us at once" not in body
    assert "https://prize-claims.example" not in body
    assert "prize-claims.example" not in body
    assert "visit prize-claims" not in body
    quoted = [line for line in body.splitlines() if "Congratulations" in line]
    assert len(quoted) == 1 and len(quoted[0]) < 80
    assert "/comments/confirm/" in body  # our own link is still there


def test_a_link_in_the_first_words_is_quoted_unclickable(
    client, article, django_capture_on_commit_callbacks
):
    text = "See www.cheap-watches.example or http://pills.example/buy for more."
    posted(client, article, django_capture_on_commit_callbacks, text=text)

    body = confirmation_mail().body
    assert "cheap-watches[.]example" in body
    assert "pills[.]example/buy" in body
    assert "www.cheap" not in body and "http://pills" not in body


DIRECTION_TRICKS = ["\u202emacs\u202c", "\u2067\u202emacs\u202c\u2069", "s\u200bcam\ufeff"]


@pytest.mark.parametrize("tricked", DIRECTION_TRICKS)
def test_direction_controls_never_show_a_word_other_than_the_one_checked(client, publish, tricked):
    BannedWord.objects.create(word="scam", action=BannedWord.Action.SPAM)
    article = publish(comment_policy="post")

    post_comment(client, article, text=f"What a {tricked}, honestly.")

    comment = Comment.objects.get()
    # Stored and shown as it reads: "macs" stays "macs" and cannot show as "scam";
    # a word split by an invisible space is the banned word, caught.
    assert not set(comment.text) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "\u200b" not in comment.text and "\ufeff" not in comment.text
    if "macs" in comment.text:
        assert comment.text == "What a macs, honestly."
    else:
        assert comment.status == Comment.Status.SPAM
    page = client.get(article.get_absolute_url()).content.decode()
    assert "\u202e" not in page and "\u2067" not in page


def test_a_name_is_stored_without_invisible_characters(client, article):
    post_comment(client, article, name="\u202eredaeR\u202c \u200eAda\u200b  Lovelace\u2069")

    assert Comment.objects.get().name == "redaeR Ada Lovelace"


def test_a_name_of_invisible_characters_only_is_refused(client, article):
    response = post_comment(client, article, name="\u202e\u200b\u200f")

    assert response.status_code == 200
    assert not Comment.objects.exists()
    assert "Please write your name." in response.content.decode()


def test_right_to_left_writing_and_joiners_are_kept(client, article):
    text = "\u0645\u0642\u0627\u0644\u0647\u200c\u0627\u06cc \u062e\u0648\u0628 👩\u200d💻"
    post_comment(client, article, name="\u0633\u0627\u0631\u0627", text=text)

    comment = Comment.objects.get()
    assert (comment.name, comment.text) == ("\u0633\u0627\u0631\u0627", text)
