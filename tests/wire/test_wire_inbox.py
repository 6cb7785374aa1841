"""Wire copy dropped into the inbox folder is imported by itself, once, and never lost."""

import os
import time

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article
from wire.inbox import STALE_SECONDS, import_inbox
from wire.models import InboxFile
from wire.tasks import import_wire_inbox

pytestmark = pytest.mark.django_db

STORY = """\
SLUG: NORWAY-FJORD/FERRY
Ferry service across the fjord resumes after storm

OSLO (Reuters) – Ferries crossed the fjord again on Monday after three days of storm.

The operator said timetables would be normal by Wednesday.

(Reporting by Gwladys Fouche in Oslo; Editing by Alex Richardson)
"""


@pytest.fixture
def run_inbox(django_capture_on_commit_callbacks):
    """Run the periodic import, its transactions committed (files move after a commit)."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return import_wire_inbox.delay()

    return run


@pytest.fixture
def inbox(tmp_path, settings, section):
    folder = tmp_path / "inbox"
    folder.mkdir()
    settings.WIRE_INBOX_DIR = str(folder)
    return folder


def test_a_dropped_story_is_imported_in_review_and_the_file_kept_in_done(inbox, run_inbox):
    (inbox / "ferry.txt").write_text(STORY)
    run_inbox()
    article = Article.objects.get()
    assert article.headline == "Ferry service across the fjord resumes after storm"
    assert article.status == Article.Status.REVIEW
    row = InboxFile.objects.get()
    assert (row.name, row.outcome, row.article, row.kept_as) == (
        "ferry.txt",
        "imported",
        article,
        "done/ferry.txt",
    )
    assert (inbox / "done" / "ferry.txt").read_text() == STORY
    assert not (inbox / "ferry.txt").exists() and not list((inbox / "importing").iterdir())


@pytest.mark.parametrize(
    "publish, status",
    [
        (["Reuters"], "published"),
        (["reuters "], "published"),
        (["*"], "published"),
        (["NTB"], "review"),
        ([], "review"),
    ],
)
def test_agencies_chosen_for_it_are_published_at_once(inbox, run_inbox, settings, publish, status):
    settings.WIRE_INBOX_PUBLISH = publish
    (inbox / "ferry.txt").write_text(STORY)
    run_inbox()
    assert Article.objects.get().status == status


def test_the_same_file_dropped_again_is_not_imported_twice(inbox, run_inbox):
    (inbox / "ferry.txt").write_text(STORY)
    run_inbox()
    (inbox / "ferry-again.txt").write_text(STORY)
    (inbox / "ferry.txt").write_text(STORY)
    run_inbox()
    assert Article.objects.count() == 1
    outcomes = list(InboxFile.objects.order_by("pk").values_list("name", "outcome", "kept_as"))
    assert outcomes[0] == ("ferry.txt", "imported", "done/ferry.txt")
    assert sorted(outcomes[1:])[0] == ("ferry-again.txt", "duplicate", "done/ferry-again.txt")
    assert sorted(outcomes[1:])[1][:2] == ("ferry.txt", "duplicate")
    assert sorted(outcomes[1:])[1][2].startswith("done/ferry-")  # kept beside the first
    assert len(list((inbox / "done").iterdir())) == 3


def test_a_new_version_of_the_story_updates_its_article(inbox, run_inbox):
    (inbox / "ferry.txt").write_text(STORY)
    run_inbox()
    (inbox / "ferry-update.txt").write_text(STORY.replace("three days", "four days"))
    run_inbox()
    assert "four days" in Article.objects.get().body
    assert InboxFile.objects.order_by("pk").last().outcome == "updated"


def test_a_malformed_file_lands_in_failed_with_its_reason(inbox, run_inbox):
    (inbox / "broken.json").write_text('{"contenttype": "image/jpeg", "headline": "x"')
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02")
    run_inbox()
    assert not Article.objects.exists()
    refused = {row.name: row for row in InboxFile.objects.all()}
    assert set(refused) == {"broken.json", "binary.txt"}
    assert all(row.outcome == "refused" for row in refused.values())
    assert "binary file" in refused["binary.txt"].reason
    assert (inbox / "failed" / "binary.txt").read_bytes() == b"\x00\x01\x02"
    reason = (inbox / "failed" / "binary.txt.reason.txt").read_text()
    assert "this is a binary file, not wire copy or ninjs JSON" in reason
    assert (inbox / "failed" / "broken.json.reason.txt").read_text().strip()


def test_files_being_written_are_left_alone(inbox, run_inbox):
    (inbox / "ferry.txt.part").write_text(STORY[:40])
    (inbox / ".ferry.txt").write_text(STORY[:40])
    run_inbox()
    assert not InboxFile.objects.exists()
    assert (inbox / "ferry.txt.part").exists() and (inbox / ".ferry.txt").exists()


def test_a_file_left_half_imported_by_a_dead_worker_is_imported(inbox, run_inbox):
    (inbox / "importing").mkdir()
    left = inbox / "importing" / "ferry.txt"
    left.write_text(STORY)
    long_ago = time.time() - STALE_SECONDS - 60
    os.utime(left, (long_ago, long_ago))
    run_inbox()
    assert Article.objects.count() == 1
    assert (inbox / "done" / "ferry.txt").exists()


def test_without_an_inbox_nothing_happens(settings):
    settings.WIRE_INBOX_DIR = ""
    assert import_inbox() == []


def test_editors_read_the_inbox_list_in_the_admin(client, inbox, editor, reporter, run_inbox):
    (inbox / "ferry.txt").write_text(STORY)
    (inbox / "binary.txt").write_bytes(b"\x00")
    run_inbox()
    client.force_login(editor)
    page = client.get(reverse("admin:wire_inboxfile_changelist")).text
    assert "ferry.txt" in page and "Ferry service across the fjord" in page
    assert "binary.txt" in page and "this is a binary file" in page
    client.force_login(reporter)
    assert client.get(reverse("admin:wire_inboxfile_changelist")).status_code == 403
    assert User.objects.filter(username="wire-desk").exists()
