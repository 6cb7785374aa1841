"""
A story's page is the same bytes for every anonymous reader, comment form included, so
that an edge cache may keep it; a reader's own token and form time come from a small
uncached address when they start writing, and a reader without scripts is asked to
send what they typed once more ("Post this comment?").
"""

import re

from django.core import signing
from django.test import Client
from django.urls import reverse

from comments.forms import TIMESTAMP_SALT
from comments.models import Comment, Report
from tests.factories import form_data


def values_for(reader, article):
    return reader.get(reverse("comments:form-values", args=[article.pk]))


def test_two_readers_get_the_same_bytes_and_no_cookie(live):
    first, second = Client().get(live.get_absolute_url()), Client().get(live.get_absolute_url())
    assert first.content == second.content
    assert "Add a comment" in second.content.decode()
    assert "csrfmiddlewaretoken" not in second.content.decode()
    assert not second.cookies
    control = second["Cache-Control"]
    assert "public" in control and "s-maxage=" in control
    assert "stale-while-revalidate=" in control and "stale-if-error=" in control


def test_a_reader_posts_with_the_values_their_script_asks_for(live):
    Client().get(live.get_absolute_url())  # someone else's visit fills the cache
    reader = Client(enforce_csrf_checks=True)
    reader.get(live.get_absolute_url())
    values = values_for(reader, live)
    assert "no-store" in values["Cache-Control"] and "csrftoken" in values.cookies
    posted = reader.post(
        reverse("comments:post", args=[live.slug]),
        {**form_data(live, text="Posted from a shared page."), **values.json()},
    )
    assert posted.status_code == 302
    assert Comment.objects.filter(text="Posted from a shared page.").exists()


class Clock:
    """The comment form's clock, moved by hand."""

    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


def test_each_reader_gets_their_own_form_time_and_a_bot_posting_at_once_is_refused(
    live, settings, monkeypatch
):
    settings.COMMENTS_MIN_SECONDS = 3
    clock = Clock(1_800_000_000)
    monkeypatch.setattr("comments.forms.time", clock)
    first = values_for(Client(), live).json()
    clock.now += 100
    bot = Client()
    second = values_for(bot, live).json()
    shown = [signing.loads(v["timestamp"], salt=TIMESTAMP_SALT)["t"] for v in (first, second)]
    assert shown == [1_800_000_000, 1_800_000_100]
    clock.now += 0.5
    posted = bot.post(
        reverse("comments:post", args=[live.slug]), {**form_data(live, text="Buy now."), **second}
    )
    assert "That was quick!" in posted.content.decode()
    assert not Comment.objects.filter(text="Buy now.").exists()


def test_no_values_for_a_story_readers_cannot_see(make_article):
    draft = make_article(headline="Not yet")
    assert values_for(Client(), draft).status_code == 404


def token_in(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)


def test_without_a_script_a_reader_is_asked_to_post_again_and_nothing_is_lost(live, settings):
    settings.COMMENTS_MIN_SECONDS = 3
    reader = Client(enforce_csrf_checks=True)
    reader.get(live.get_absolute_url())
    typed = form_data(live, name="Ada Reader", text="Typed without scripts <b>bold</b>.")
    del typed["timestamp"]
    asked = reader.post(reverse("comments:post", args=[live.slug]), typed)
    page = asked.content.decode()
    assert asked.status_code == 200 and "Post this comment?" in page
    assert "Typed without scripts &lt;b&gt;bold&lt;/b&gt;." in page and "Ada Reader" in page
    assert "no-store" in asked["Cache-Control"]
    assert not Comment.objects.filter(name="Ada Reader").exists()
    again = {
        name: value
        for name, value in re.findall(r'name="(\w+)" value="([^"]*)"', page)
        if name in ("csrfmiddlewaretoken", "timestamp", "name", "email")
    }
    posted = reader.post(
        reverse("comments:post", args=[live.slug]),
        {**again, "text": "Typed without scripts <b>bold</b>.", "website": ""},
    )
    assert posted.status_code == 302
    assert Comment.objects.get(name="Ada Reader").text == "Typed without scripts <b>bold</b>."


def test_another_readers_token_leads_to_the_question_not_to_a_comment(live):
    other = Client(enforce_csrf_checks=True)
    token = values_for(other, live).json()["csrfmiddlewaretoken"]
    stranger = Client(enforce_csrf_checks=True)
    values_for(stranger, live)  # a cookie of its own
    posted = stranger.post(
        reverse("comments:post", args=[live.slug]),
        {**form_data(live, text="Forged."), "csrfmiddlewaretoken": token},
    )
    assert "Post this comment?" in posted.content.decode()
    assert not Comment.objects.filter(text="Forged.").exists()


def test_a_report_without_a_script_is_asked_about_then_sent(live):
    comment = Comment.objects.get(name="Ada")
    reader = Client(enforce_csrf_checks=True)
    url = reverse("comments:report", args=[comment.pk])
    asked = reader.post(url, {"reason": "spam"})
    assert "Send this report?" in asked.content.decode()
    assert 'value="spam" selected' in asked.content.decode()
    assert not Report.objects.exists()
    sent = reader.post(url, {"reason": "spam", "csrfmiddlewaretoken": token_in(asked)})
    assert sent.status_code == 302
    assert Report.objects.filter(comment=comment).count() == 1


def test_a_reader_cannot_type_a_placeholder_for_the_cache_to_fill(live):
    typed = "per-reader-0123456789abcdef0123:comment-form-time:abc:"
    Comment.objects.create(
        article=live, name="Eve", email="eve@example.org", text=typed, status="approved"
    )
    for _ in range(2):
        response = Client().get(live.get_absolute_url())
        assert response.status_code == 200
        assert typed in response.content.decode()
