"""
Background work with a real Celery worker on the local Redis (database 12, or
TASKS_TEST_REDIS_URL): one mail for a held comment though the first SMTP attempt fails
and the worker is restarted in between; wire files dropped into the inbox appear in the
admin within seconds, a malformed one in failed/ with its reason.

Runs when DATABASE_URL is PostgreSQL (the worker, another process, shares the test
database) and Redis answers, as in CI; skipped otherwise.
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.urls import reverse

from jobs.models import OutgoingMail
from tests.factories import make_user, post_comment, published_article
from tests.processes import other_processes, redis_client, shared_database_url

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TASKS_TEST_REDIS_URL", "redis://127.0.0.1:6379/12")


pytestmark = other_processes(REDIS_URL, "the worker, another process, shares it")


@pytest.fixture
def broker(queueing_to):
    redis_client(REDIS_URL).flushdb()
    with queueing_to(REDIS_URL):
        yield
    redis_client(REDIS_URL).flushdb()


@pytest.fixture
def workers(tmp_path, broker):
    """start(**env) runs a worker (and beat beside it, with beat=True); stopped after the test."""
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    started = []

    def start(beat=False, **extra):
        env = {
            **os.environ,
            "DATABASE_URL": shared_database_url(),
            "CELERY_BROKER_URL": REDIS_URL,
            "TASKS_IN_PROCESS": "0",
            "DB_CONN_MAX_AGE": "0",
            "EMAIL_BACKEND": "tests.jobs.worker_mail.RefusesOnceFileBackend",
            "TEST_MAIL_DIR": str(mail_dir),
            "OUTBOX_RETRY_SECONDS": "1",
            "CACHE_DIR": str(tmp_path / "cache"),
            **extra,
        }
        celery = [sys.executable, "-m", "celery", "-A", "newsroom"]
        worker = [*celery, "worker", "--pool", "solo", "--without-gossip", "--without-mingle"]
        process = subprocess.Popen([*worker, "--loglevel", "WARNING"], cwd=ROOT, env=env)
        started.append(process)
        if beat:  # beside the worker, as in production; it reads the schedules every second
            command = [*celery, "beat", "--max-interval", "1", "--loglevel", "WARNING"]
            started.append(subprocess.Popen(command, cwd=ROOT, env=env))
        return process

    start.mail_dir = mail_dir
    yield start
    for process in started:
        stop(process)


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # a warm shutdown: tasks it held go back to Redis
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(condition, seconds=20, what="it"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.2)
    pytest.fail(f"{what} did not happen within {seconds} s")


def mails_saying(mail_dir, words):
    return sum(
        path.read_text().count(words) for path in mail_dir.iterdir() if path.suffix == ".log"
    )


def test_a_held_comment_brings_one_mail_though_the_first_try_fails_and_the_worker_restarts(
    client, workers
):
    make_user("moderator", "Moderators")
    article = published_article(headline="Harbour fraud trial opens")
    first = workers(TEST_MAIL_REFUSE_ONCE="Comment to moderate")
    time.sleep(1)  # a moment to connect; the task waits in Redis meanwhile anyway
    assert post_comment(client, article, text="Held for the moderators.").status_code == 302
    row = OutgoingMail.objects.get()

    def refused_once():
        row.refresh_from_db()
        return row.attempts == 1 and row.status == "waiting"

    wait_for(refused_once, seconds=90, what="the first, refused attempt")
    assert "SMTPServerDisconnected" in row.last_error
    stop(first)
    assert first.returncode is not None

    workers()  # the worker comes back
    from jobs.tasks import drain_outbox

    drain_outbox.delay()  # as beat does every minute: it races the worker's own retry

    def sent():
        row.refresh_from_db()
        return row.status == "sent"

    wait_for(sent, seconds=90, what="the mail going out after the restarted worker")
    time.sleep(2)  # time for a second copy, were one coming
    assert mails_saying(workers.mail_dir, "Moderation queue:") == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 2)


GOOD = """\
SLUG: NORWAY-FJORD/FERRY
Ferry service across the fjord resumes after storm

OSLO (Reuters) – Ferries crossed the fjord again on Monday after three days of storm.

(Reporting by Gwladys Fouche in Oslo; Editing by Alex Richardson)
"""


@contextmanager
def every_second(task_name):
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    second, _ = IntervalSchedule.objects.get_or_create(every=1, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.exclude(task=task_name).update(enabled=False)
    PeriodicTask.objects.update_or_create(
        name="Import the wire inbox", defaults={"task": task_name, "interval": second}
    )
    yield


def test_dropped_wire_files_are_imported_by_beat_and_listed_within_seconds(
    client, workers, tmp_path
):
    from articles.models import Section

    Section.objects.get_or_create(name="World", slug="world")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with every_second("wire.tasks.import_wire_inbox"):
        workers(beat=True, WIRE_INBOX_DIR=str(inbox))
        # Running: the first import makes the inbox's folders (a loaded machine starts slowly).
        wait_for(lambda: (inbox / "done").is_dir(), seconds=90, what="the worker and beat starting")
        dropped = time.monotonic()
        (inbox / "ferry.txt").write_text(GOOD)
        (inbox / "broken.json").write_text('{"headline": "Cut off in the mid')

        client.force_login(make_user("editor", "Editors"))
        listing = reverse("admin:wire_inboxfile_changelist")

        def both_listed():
            page = client.get(listing).text
            return "ferry.txt" in page and "broken.json" in page and page

        page = wait_for(both_listed, seconds=15, what="the files in the admin list")
        assert time.monotonic() - dropped < 15
        assert "Ferry service across the fjord resumes after storm" in page
        reason = wait_for(lambda: _read(inbox / "failed" / "broken.json.reason.txt"), 5)
        assert "broken.json" in reason
        assert (inbox / "failed" / "broken.json").exists()
        # A file moves just after its row is saved: the list may show it a moment before.
        assert wait_for(lambda: _read(inbox / "done" / "ferry.txt"), 5) == GOOD
        assert not (inbox / "ferry.txt").exists()


def _read(path):
    return path.read_text() if path.exists() else ""
