"""Fixtures shared by the tests/test_comments_*.py files."""

import time

import pytest
from django.urls import reverse

from comments import notifications
from comments.forms import make_timestamp
from comments.models import Comment


@pytest.fixture
def article(publish):
    return publish(headline="Harbour fraud trial opens")


@pytest.fixture(autouse=True)
def mail_inline(monkeypatch):
    """Send the moderators' mail in the test's own thread so it can be read back."""
    monkeypatch.setattr(notifications, "run_in_background", lambda function, *a: function(*a))


def form_data(article, **fields):
    data = {
        "name": "Ada Reader",
        "email": "ada@example.org",
        "text": "A thoughtful remark about the story.",
        "timestamp": make_timestamp(article, at=time.time() - 60),
        "website": "",
    }
    data.update(fields)
    return data


def post_comment(client, article, follow=False, ip="127.0.0.1", **fields):
    return client.post(
        reverse("comments:post", kwargs={"slug": article.slug}),
        form_data(article, **fields),
        follow=follow,
        REMOTE_ADDR=ip,
    )


def add_comment(article, status=Comment.Status.APPROVED, **fields):
    fields.setdefault("name", "Someone")
    fields.setdefault("email", "someone@example.org")
    fields.setdefault("text", "A comment.")
    return Comment.objects.create(article=article, status=status, **fields)
