"""
What differs for each reader of a cached page: the CSRF token and the comment form's
time are theirs, and what a reader types is never filled in for them.
"""

import re

from django.core import signing
from django.test import Client
from django.urls import reverse

from comments.forms import TIMESTAMP_SALT
from comments.models import Comment
from tests.factories import form_data


def test_a_reader_served_a_cached_page_can_post_a_comment(live):
    url = live.get_absolute_url()
    Client().get(url)  # someone else's visit fills the cache
    reader = Client(enforce_csrf_checks=True)
    served = reader.get(url)
    assert "csrftoken" in served.cookies
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', served.content.decode()).group(
        1
    )
    posted = reader.post(
        reverse("comments:post", args=[live.slug]),
        {**form_data(live, text="Posted from a cached page."), "csrfmiddlewaretoken": token},
    )
    assert posted.status_code == 302
    assert Comment.objects.filter(text="Posted from a cached page.").exists()


class Clock:
    """The comment form's clock, moved by hand."""

    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


def form_time(page):
    value = re.search(r'name="timestamp" value="([^"]+)"', page.content.decode()).group(1)
    return signing.loads(value, salt=TIMESTAMP_SALT)["t"]


def test_each_reader_of_a_cached_page_gets_their_own_form_time(live, monkeypatch):
    clock = Clock(1_800_000_000)
    monkeypatch.setattr("comments.forms.time", clock)
    url = live.get_absolute_url()
    first = Client().get(url)
    clock.now += 100
    second = Client().get(url)
    assert (form_time(first), form_time(second)) == (1_800_000_000, 1_800_000_100)
    assert "per-reader-" not in second.content.decode()
    assert "private" in second["Cache-Control"]


def test_a_bot_posting_at_once_from_a_page_cached_long_ago_is_refused(live, settings, monkeypatch):
    settings.COMMENTS_MIN_SECONDS = 3
    clock = Clock(1_800_000_000)
    monkeypatch.setattr("comments.forms.time", clock)
    url = live.get_absolute_url()
    Client().get(url)  # someone's visit cached the page a minute ago
    clock.now += 60
    bot = Client()
    page = bot.get(url).content.decode()
    timestamp = re.search(r'name="timestamp" value="([^"]+)"', page).group(1)
    clock.now += 0.5
    posted = bot.post(
        reverse("comments:post", args=[live.slug]),
        {**form_data(live, text="Buy now."), "timestamp": timestamp},
    )
    assert "That was quick!" in posted.content.decode()
    assert not Comment.objects.filter(text="Buy now.").exists()


def test_a_reader_cannot_type_a_placeholder_for_the_cache_to_fill(live, settings):
    typed = "per-reader-0123456789abcdef0123:comment-form-time:abc:"
    Comment.objects.create(
        article=live, name="Eve", email="eve@example.org", text=typed, status="approved"
    )
    for _ in range(2):
        response = Client().get(live.get_absolute_url())
        assert response.status_code == 200
        assert typed in response.content.decode()


def test_a_post_without_the_readers_token_is_still_refused(live):
    url = live.get_absolute_url()
    other = Client(enforce_csrf_checks=True)
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', other.get(url).content.decode()
    ).group(1)
    stranger = Client(enforce_csrf_checks=True)
    stranger.get(url)  # has a cookie of its own
    posted = stranger.post(
        reverse("comments:post", args=[live.slug]),
        {**form_data(live), "csrfmiddlewaretoken": token},
    )
    assert posted.status_code == 403
