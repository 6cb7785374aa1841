"""
Every field of the comment and report forms, with generated values, posted as a reader
with and without a token: never a server error, and whatever was stored, once approved,
never breaks the story's page, its comment pages or the moderation queue.
"""

import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st

from comments.forms import make_timestamp
from comments.models import Comment, Report
from tests.factories import add_comment

from .values import anything, query_string, trouble_text

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

GOOD = {
    "name": "Ada Reader",
    "email": "ada@example.org",
    "text": "A thoughtful remark about the story.",
    "parent": "",
    "website": "",
}


@pytest.fixture
def story(settings, publish):
    settings.PAGE_CACHE_SECONDS = 300
    # Many posts from one address: the rate limits have their own tests.
    settings.COMMENTS_RATE_PER_IP = settings.COMMENTS_RATE_PER_EMAIL = 0
    story = publish(headline="Harbour fraud trial opens", slug="harbour")
    add_comment(story, text="An approved comment to reply to.")
    return story


def fields(story):
    """The good values, one or two fields generated instead (sent twice, or left out)."""
    good = {**GOOD, "parent": str(Comment.objects.order_by("pk").first().pk)}
    good["timestamp"] = make_timestamp(story, at=time.time() - 60)
    generated = {
        name: st.one_of(st.lists(anything, max_size=2), st.lists(trouble_text, max_size=1))
        for name in good
    }
    generated["timestamp"] = st.lists(
        st.one_of(st.just(make_timestamp(story, at=time.time() + 10**9)), anything),
        max_size=2,
    )
    return st.sets(st.sampled_from(sorted(good)), min_size=1, max_size=2).flatmap(
        lambda names: st.fixed_dictionaries(
            {name: generated[name] if name in names else st.just([good[name]]) for name in good}
        )
    )


def posted(client, url, values):
    body = query_string([(name, v) for name, sent in values.items() for v in sent])
    return client.post(url, body, content_type="application/x-www-form-urlencoded")


def assert_pages_show(story):
    """What was stored, shown to readers and moderators: every comment approved."""
    Comment.objects.update(status=Comment.Status.APPROVED)
    cache.clear()  # update() tells no cache; the pages are read anew
    reader = Client()
    for page in ("", "?comments=2"):
        assert reader.get(f"{story.get_absolute_url()}{page}").status_code == 200


@given(data=st.data(), with_token=st.booleans())
def test_the_comment_form_takes_anything_without_a_server_error(story, moderator, data, with_token):
    url = reverse("comments:post", kwargs={"slug": story.slug})
    values = data.draw(fields(story), label="fields")
    stored = Comment.objects.count()
    response = posted(Client(enforce_csrf_checks=with_token), url, values)
    assert response.status_code < 500
    event(f"answered {response.status_code}")
    if Comment.objects.count() > stored:
        event("stored")
        assert_pages_show(story)
    staff = Client()
    staff.force_login(moderator)
    assert staff.get(reverse("admin:comments_comment_changelist")).status_code == 200


@given(
    reasons=st.lists(st.one_of(st.sampled_from(Report.Reason.values), anything), max_size=2),
    with_token=st.booleans(),
)
def test_the_report_form_takes_anything_without_a_server_error(story, reasons, with_token):
    comment = Comment.objects.filter(parent=None).order_by("pk").first()
    url = reverse("comments:report", kwargs={"pk": comment.pk})
    response = posted(Client(enforce_csrf_checks=with_token), url, {"reason": reasons})
    assert response.status_code < 500
    event(f"answered {response.status_code}")
    assert_pages_show(story)


@given(
    token=trouble_text.filter(lambda t: t and "/" not in t),
    method=st.sampled_from(["get", "post"]),
)
def test_the_confirmation_page_takes_any_token_without_a_server_error(story, token, method):
    url = reverse("comments:confirm", kwargs={"token": "TOKEN"}).replace(
        "TOKEN", query_string([("", token)])[1:]
    )
    response = getattr(Client(), method)(url)
    assert response.status_code < 500
    event(f"answered {response.status_code}")
