"""Mail goes through the outbox: written with the change, sent once, retried, never lost."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from jobs import sending
from jobs.models import FailedTask, OutgoingMail
from jobs.tasks import drain_outbox, send_outgoing_mail
from tests.factories import post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_server_down(monkeypatch):
    def refused(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(sending, "get_connection", refused)
    return monkeypatch


def held_comment(client, article, capture):
    with capture(execute=True):
        response = post_comment(client, article, text="Held for the moderators.")
    assert response.status_code == 302
    return OutgoingMail.objects.get()


def test_a_held_comment_mails_the_moderators_once(
    client, article, moderator, django_capture_on_commit_callbacks
):
    row = held_comment(client, article, django_capture_on_commit_callbacks)
    assert [message.to for message in to_moderators()] == [["moderator@example.com"]]
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 1) and row.sent_at
    # The task run again, a retry and the periodic drain find nothing left to send.
    send_outgoing_mail(row.pk)
    drain_outbox()
    assert len(to_moderators()) == 1


def to_moderators():
    return [message for message in mail.outbox if "moderator@example.com" in message.to]


def test_the_mail_is_written_with_the_change_and_gone_with_its_rollback(
    article, moderator, django_capture_on_commit_callbacks
):
    from comments.notifications import announce_pending
    from tests.factories import add_comment

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        comment = add_comment(article, status="pending")
        announce_pending(comment)
        assert OutgoingMail.objects.filter(status="waiting").count() == 1
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                announce_pending(add_comment(article, status="pending"))
                raise RuntimeError("the save failed")
        except RuntimeError:
            pass
    assert OutgoingMail.objects.count() == 1 and len(mail.outbox) == 1


def test_two_senders_of_one_row_send_it_once(article, moderator):
    row = OutgoingMail.objects.create(subject="S", body="B", from_email="n@x.org", to=["m@x.org"])
    first, second = sending.claim(row.pk), sending.claim(row.pk)
    assert first is not None and second is None
    assert sending.claim_due() == []  # claimed rows are not due
    assert sending.deliver(first)
    assert len(mail.outbox) == 1


def test_a_failed_attempt_waits_then_goes_once_the_mail_server_is_back(
    client, article, moderator, mail_server_down, django_capture_on_commit_callbacks
):
    row = held_comment(client, article, django_capture_on_commit_callbacks)
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("waiting", 1)
    assert "ConnectionRefusedError" in row.last_error
    assert row.next_attempt_at > timezone.now()
    mail_server_down.undo()
    drain_outbox()
    assert to_moderators() == []  # not before its pause is over
    OutgoingMail.objects.update(next_attempt_at=timezone.now())
    assert drain_outbox() == {"sent": 1, "failed": 0}
    assert len(to_moderators()) == 1
    assert drain_outbox() == {"sent": 0, "failed": 0}


def test_the_pause_doubles_after_each_failure(settings):
    settings.OUTBOX_RETRY_SECONDS = 30
    pauses = [OutgoingMail(attempts=n).retry_delay().total_seconds() for n in (1, 2, 3, 9)]
    assert pauses == [30, 60, 120, 3600]


def test_a_mail_whose_sender_died_while_sending_goes_again(article):
    row = OutgoingMail.objects.create(subject="S", body="B", from_email="n@x.org", to=["m@x.org"])
    sending.claim(row.pk, now=timezone.now() - timedelta(minutes=11))
    drain_outbox()
    assert len(mail.outbox) == 1


def test_a_mail_that_keeps_failing_is_shown_failed_and_can_be_sent_again(
    client, article, moderator, mail_server_down, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    row = held_comment(client, article, django_capture_on_commit_callbacks)
    OutgoingMail.objects.update(next_attempt_at=timezone.now())
    drain_outbox()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", 2)

    admin = client_as_superuser(client)
    listing = admin.get(reverse("admin:jobs_outgoingmail_changelist") + "?status=failed")
    page = listing.content.decode()
    assert "Comment to moderate" in page and "ConnectionRefusedError" in page
    mail_server_down.undo()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("admin:jobs_outgoingmail_changelist"),
            {"action": "send_again", "_selected_action": [row.pk]},
            follow=True,
        )
    assert "1 mail(s) queued to be sent again." in response.content.decode()
    row.refresh_from_db()
    assert row.status == "sent" and len(to_moderators()) == 1


def client_as_superuser(client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("root", "root@example.org", "pw"))
    return client


def test_a_task_that_gives_up_is_listed_and_can_run_again(
    client, settings, django_capture_on_commit_callbacks, monkeypatch
):
    from comments import tasks

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(tasks.Comment.objects, "filter", broken)
    tasks.purge_comment_ips.delay(7)  # in-process: recorded at once, no retry on the spot
    failed = FailedTask.objects.get()
    assert (failed.task, failed.args, failed.error) == (
        "comments.tasks.purge_comment_ips",
        [7],
        "OSError: disk full",
    )
    monkeypatch.undo()
    admin = client_as_superuser(client)
    assert "OSError: disk full" in admin.get(reverse("admin:jobs_failedtask_changelist")).text
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("admin:jobs_failedtask_changelist"),
            {"action": "run_again", "_selected_action": [failed.pk]},
            follow=True,
        )
    assert "1 task(s) queued to run again." in response.text
    failed.refresh_from_db()
    assert failed.run_again_at is not None
    assert FailedTask.objects.count() == 1  # it ran, and did not fail again


def test_health_reports_the_queue(client, article):
    OutgoingMail.objects.create(
        subject="S",
        body="B",
        from_email="n@x.org",
        to=["m@x.org"],
        next_attempt_at=timezone.now() - timedelta(seconds=90),
    )
    FailedTask.objects.create(task="x", error="y")
    text = client.get(reverse("health")).text
    assert text.startswith("ok\n")
    assert "queue_broker: none (tasks run in the process that queues them)" in text
    assert "outbox_due: 1" in text and "failed_tasks: 1" in text
    assert "outbox_oldest_due_seconds: 9" in text  # 90 s and counting


def test_health_says_when_the_broker_does_not_answer_and_stays_up(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/12"  # nothing listens there
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert "queue_broker: unreachable" in response.text


@pytest.fixture
def broker_down(queueing_to):
    with queueing_to("redis://127.0.0.1:9/12"):  # nothing listens there
        yield


def test_with_the_broker_down_the_comment_is_saved_and_its_mail_waits(
    client, article, moderator, broker_down, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, article, text="Posted while the queue is away.")
    assert response.status_code == 302
    row = OutgoingMail.objects.get()
    assert row.status == "waiting" and mail.outbox == []  # the periodic drain sends it
    assert "Could not queue task jobs.tasks.send_outgoing_mail" in caplog.text


def test_a_task_handed_out_again_after_its_worker_died_takes_its_row_back(
    article, moderator, django_capture_on_commit_callbacks
):
    from comments.notifications import announce_pending
    from tests.factories import add_comment

    [row] = announce_pending(add_comment(article, status="pending"))
    assert sending.claim(row.pk) is not None  # the worker that then died
    assert sending.claim(row.pk) is None  # nobody else sends it meanwhile

    again = sending.claim(row.pk, redelivered=True)
    assert (again.status, again.attempts) == ("sending", 2)
    assert sending.deliver(again)
    assert len(to_moderators()) == 1
