"""
With the broker down, a reader posting a comment never waits on it: one quick attempt,
none for a while after, and the mail goes out by the periodic tasks once it is back.
"""

import itertools

import pytest
import redis.connection
from django.core import mail

from comments.models import Comment
from comments.tasks import send_waiting_confirmations
from jobs.models import OutgoingMail
from jobs.tasks import drain_outbox
from newsroom import celery
from tests.factories import post_comment

pytestmark = pytest.mark.django_db

# Nothing listens on port 1. A database number of its own for each test: a closed
# connection pool is not handed to the next one.
CLOSED_PORT = "redis://127.0.0.1:1/{}"
DATABASES = itertools.count()


@pytest.fixture
def broker_down(queueing_to, monkeypatch):
    """The broker connections tried while posting, counted."""
    tried = []
    connect = redis.connection.AbstractConnection.connect

    def counted(self, *args, **kwargs):
        tried.append(self)
        return connect(self, *args, **kwargs)

    monkeypatch.setattr(redis.connection.AbstractConnection, "connect", counted)
    monkeypatch.setattr(celery, "_broker_paused_until", {}, raising=False)
    with queueing_to(CLOSED_PORT.format(next(DATABASES))):
        yield tried


def post(client, article, capture, text):
    with capture(execute=True):
        assert post_comment(client, article, text=text).status_code == 302


def test_a_comment_posted_while_the_broker_is_down_waits_on_it_once_and_briefly(
    client, article, moderator, broker_down, django_capture_on_commit_callbacks
):
    post(client, article, django_capture_on_commit_callbacks, "First, while Redis is down.")
    # Two tasks to queue (the moderators' mail, the commenter's link): one quick try.
    assert 1 <= len(broker_down) <= 2

    broker_down.clear()
    post(client, article, django_capture_on_commit_callbacks, "Second, moments later.")
    assert broker_down == []  # the next readers do not try again for a while

    assert Comment.objects.count() == 2
    assert OutgoingMail.objects.filter(status="waiting").count() == 2
    assert mail.outbox == []


def test_once_the_pause_is_over_publishing_is_tried_again(
    client, article, moderator, broker_down, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(celery, "BROKER_DOWN_PAUSE_SECONDS", 0, raising=False)
    post(client, article, django_capture_on_commit_callbacks, "First, while Redis is down.")
    broker_down.clear()
    post(client, article, django_capture_on_commit_callbacks, "Second, moments later.")
    assert broker_down


def test_the_periodic_tasks_send_what_could_not_be_queued(
    client, article, moderator, broker_down, django_capture_on_commit_callbacks
):
    post(client, article, django_capture_on_commit_callbacks, "Posted while Redis is down.")

    # The broker back, beat runs the periodic tasks (here in this process).
    assert drain_outbox() == {"sent": 1, "failed": 0}
    assert send_waiting_confirmations() == (1, 0)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["ada@example.org", "moderator@example.com"]
