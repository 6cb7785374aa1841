"""
A real Celery worker killed with kill -9 in the middle of sending a mail (on the local
Redis, database 14, or TASKS_KILL_TEST_REDIS_URL): the task is handed out again once the
broker's visibility timeout has passed, and the mail goes out once.

Runs when DATABASE_URL is PostgreSQL and Redis answers, as test_real_worker.py.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jobs.models import OutgoingMail
from tests.factories import make_user, post_comment, published_article
from tests.processes import other_processes, redis_client, shared_database_url

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TASKS_KILL_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
VISIBILITY_SECONDS = 3

pytestmark = other_processes(REDIS_URL, "the worker, another process, shares it")


@pytest.fixture
def worker(tmp_path, queueing_to):
    """start() runs a worker; every worker started is gone after the test."""
    redis_client(REDIS_URL).flushdb()
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    started = []
    env = {
        **os.environ,
        "DATABASE_URL": shared_database_url(),
        "CELERY_BROKER_URL": REDIS_URL,
        "TASKS_IN_PROCESS": "0",
        "DB_CONN_MAX_AGE": "0",
        "EMAIL_BACKEND": "tests.jobs.worker_mail.HangsOnceFileBackend",
        "TEST_MAIL_DIR": str(mail_dir),
        "TEST_MAIL_HANG_ONCE": "Comment to moderate",
        "CELERY_VISIBILITY_SECONDS": str(VISIBILITY_SECONDS),
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    command = [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "--pool", "solo"]
    command += ["--without-gossip", "--without-mingle", "--loglevel", "WARNING"]

    def start():
        started.append(subprocess.Popen(command, cwd=ROOT, env=env))
        return started[-1]

    start.mail_dir = mail_dir
    with queueing_to(REDIS_URL):
        yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()
    redis_client(REDIS_URL).flushdb()


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.2)
    pytest.fail(f"{what} did not happen within {seconds} s")


def held_since_visibility_passed():
    """Whether every message a dead worker held is older than the visibility timeout."""
    held = redis_client(REDIS_URL).zrange("unacked_index", 0, -1, withscores=True)
    return held and all(score < time.time() - VISIBILITY_SECONDS - 1 for _, score in held)


def test_a_worker_killed_while_sending_a_mail_leaves_it_to_be_sent_once(client, worker):
    make_user("moderator", "Moderators")
    article = published_article(headline="Harbour fraud trial opens")
    first = worker()
    assert post_comment(client, article, text="Held for the moderators.").status_code == 302
    row = OutgoingMail.objects.get()

    wait_for((worker.mail_dir / "hanging").exists, 90, "the worker starting to send")
    first.kill()  # kill -9, in the middle of the task
    first.wait()
    row.refresh_from_db()
    assert row.status == "sending"

    # The broker hands the task out again once the dead worker's hold has expired.
    wait_for(held_since_visibility_passed, 60, "the dead worker's hold expiring")
    worker()

    def sent():
        row.refresh_from_db()
        return row.status == "sent"

    wait_for(sent, 90, "the mail going out after the worker was killed")
    time.sleep(2)  # time for a second copy, were one coming
    mails = [path for path in worker.mail_dir.iterdir() if path.suffix == ".log"]
    assert sum(path.read_text().count("Moderation queue:") for path in mails) == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 2)
