"""
The inbox reads only its own regular files, one at a time: a link is never followed, and
a file that is refused or breaks the importer goes to failed/ with its reason while the
other files of the same run are imported.
"""

import json
import os

import pytest

from articles.models import Article
from wire import importer
from wire.models import InboxFile

pytestmark = pytest.mark.django_db

STORY = """\
Harbour reopens after the storm

BERGEN (NTB) – The harbour reopened on Tuesday once the wind had dropped.

Ships waiting outside came in during the afternoon.
"""


def test_a_link_to_a_file_outside_the_inbox_is_refused_unread(inbox, run_inbox, tmp_path):
    secret = tmp_path / "settings.txt"
    secret.write_text("Secret settings\n\nSECRET_KEY = do-not-show (Reuters) – really\n")
    (inbox / "settings.txt").symlink_to(secret)
    run_inbox()
    assert not Article.objects.exists()
    row = InboxFile.objects.get()
    assert (row.outcome, row.kept_as) == ("refused", "failed/settings.txt")
    assert "link" in row.reason and "SECRET" not in row.reason
    assert (inbox / "failed" / "settings.txt").is_symlink()
    assert secret.read_text().startswith("Secret settings")  # the target untouched


def test_a_second_name_of_a_file_elsewhere_is_refused(inbox, run_inbox, tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text(STORY)
    os.link(elsewhere, inbox / "harbour.txt")
    run_inbox()
    assert not Article.objects.exists()
    assert "second name" in InboxFile.objects.get().reason


def test_a_broken_file_never_stops_the_others(inbox, run_inbox):
    # A lone surrogate no database stores, in the headline; it is shown escaped.
    bad = '{"uri": "urn:bad", "headlines": [{"role": "main", "value": "Bad \\ud800 one"}], '
    bad += '"bodies": [{"role": "main", "contenttype": "text/plain", "value": "Text."}]}'
    (inbox / "a-bad.json").write_text(bad)
    (inbox / "b-good.txt").write_text(STORY)
    run_inbox()
    assert Article.objects.get().headline == "Harbour reopens after the storm"
    outcomes = dict(InboxFile.objects.values_list("name", "outcome"))
    assert outcomes == {"a-bad.json": "refused", "b-good.txt": "imported"}
    assert (inbox / "failed" / "a-bad.json").exists()
    assert (inbox / "failed" / "a-bad.json.reason.txt").read_text().strip()
    assert not list((inbox / "importing").iterdir())


def test_a_file_that_crashes_the_importer_goes_to_failed_with_its_reason(
    inbox, run_inbox, monkeypatch
):
    reading = importer.read_items

    def crash_on_one(data, name):
        if name == "crash.json":
            raise RuntimeError("the parser broke")
        return reading(data, name)

    monkeypatch.setattr("wire.inbox.read_items", crash_on_one)
    (inbox / "crash.json").write_text(json.dumps({"uri": "urn:x"}))
    (inbox / "harbour.txt").write_text(STORY)
    run_inbox()
    assert Article.objects.count() == 1
    row = InboxFile.objects.get(name="crash.json")
    assert (row.outcome, row.kept_as) == ("refused", "failed/crash.json")
    assert "the parser broke" in row.reason
    # Not tried again: it is out of the inbox and out of importing/.
    run_inbox()
    assert InboxFile.objects.count() == 2
