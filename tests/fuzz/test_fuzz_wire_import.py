"""
Generated wire files (wire_files.py: every ninjs version and dialect, plain wire copy,
garbage) sent the three ways a story comes in: the admin's "Import wire story" page as an
editor, the drop-folder inbox and the push address. Never a server error or an exception
out of the inbox; each file refused with its reason or stored, and what was stored never
breaks the article's pages.
"""

from io import StringIO
from itertools import count
from urllib.parse import quote_from_bytes

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st

from articles.models import Article
from wire.inbox import import_inbox
from wire.models import InboxFile

from .pages import assert_article_pages_show
from .wire_files import bad_character_files, wire_files

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

# What the importer says when a file breaks it: a crash the inbox survives, still a bug.
CRASHED = "Could not be imported ("
BAD_CHARACTER = ("NUL", "surrogate", "binary file", "not UTF-8", "Null characters")


@pytest.fixture
def staff(editor, section, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def inbox(tmp_path, settings, section):
    folder = tmp_path / "inbox"
    folder.mkdir()
    settings.WIRE_INBOX_DIR = str(folder)
    return folder


def imported(staff, name, data, how, publish):
    """The import page's answer to the file, uploaded or pasted."""
    url = reverse("wire:import")
    if how == "file":
        upload = SimpleUploadedFile(name, data)
        return staff.post(url, {"file": upload, **({"publish": "on"} if publish else {})})
    body = f"text={quote_from_bytes(data, safe='')}" + ("&publish=on" if publish else "")
    return staff.post(url, body, content_type="application/x-www-form-urlencoded")


def refusal(response):
    """What the page says is wrong with the file: its error note and field errors."""
    page = response.content.decode()
    notes = [part.split("</div>")[0] for part in page.split('<div class="errornote">')[1:]]
    notes += [part.split("</ul>")[0] for part in page.split('<ul class="errorlist')[1:]]
    return " ".join(notes)


def utf8(data):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@given(sent=wire_files, how=st.sampled_from(["file", "text"]), publish=st.booleans())
def test_the_import_page_refuses_or_stores_any_file_without_a_server_error(
    staff, sent, how, publish
):
    stored = Article.objects.count()
    response = imported(staff, *sent, how, publish)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert refusal(response).strip(), "refused without a reason"
        assert Article.objects.count() == stored
        event("refused")
    else:
        pk = int(response["Location"].rstrip("/").split("/")[-2])
        event("stored")
        assert_article_pages_show(Article.objects.get(pk=pk), staff)


@given(sent=bad_character_files, how=st.sampled_from(["file", "text"]))
def test_a_nul_or_lone_surrogate_is_refused_with_the_reason(staff, sent, how):
    name, data = sent
    if how == "text" and not utf8(data):
        how = "file"  # a browser pastes characters: it replaces what is not one
    response = imported(staff, name, data, how, publish=True)
    assert response.status_code == 200
    assert any(word in refusal(response) for word in BAD_CHARACTER), refusal(response)
    assert not Article.objects.exists()


NUMBERS = count()  # each dropped file a name of its own


@given(sent=st.one_of(wire_files, bad_character_files), publish=st.booleans())
def test_every_dropped_file_ends_in_done_or_failed_with_its_reason(
    staff, inbox, settings, django_capture_on_commit_callbacks, sent, publish
):
    settings.WIRE_INBOX_PUBLISH = ["*"] if publish else []
    name, data = sent
    (inbox / f"{next(NUMBERS)}-{name}").write_bytes(data)
    with django_capture_on_commit_callbacks(execute=True):
        (row,) = import_inbox()
    assert not [p for p in inbox.iterdir() if p.is_file()], "left in the inbox"
    assert not list((inbox / "importing").iterdir()), "stuck in importing/"
    kept = inbox / row.kept_as
    assert kept.read_bytes() == data
    assert not row.reason.startswith(CRASHED), row.reason
    event(row.outcome)
    if row.kept_as.startswith("failed/"):
        assert row.outcome == InboxFile.Outcome.REFUSED and row.reason
        reason = kept.with_name(kept.name + ".reason.txt")
        assert reason.read_text(encoding="utf-8").strip()
    elif row.article:
        assert_article_pages_show(row.article, staff)


@given(sent=bad_character_files)
def test_a_dropped_file_with_a_nul_or_lone_surrogate_is_refused_with_the_reason(
    inbox, django_capture_on_commit_callbacks, sent
):
    (inbox / f"{next(NUMBERS)}-{sent[0]}").write_bytes(sent[1])
    with django_capture_on_commit_callbacks(execute=True):
        (row,) = import_inbox()
    assert row.outcome == InboxFile.Outcome.REFUSED and row.kept_as.startswith("failed/")
    assert any(word in row.reason for word in BAD_CHARACTER), row.reason
    assert not Article.objects.exists()


@pytest.fixture
def token(inbox):
    out = StringIO()
    call_command("wire_agency_token", "ntb", "--name", "NTB", stdout=out)
    return out.getvalue().strip()


@given(sent=st.one_of(wire_files, bad_character_files))
def test_the_push_address_takes_any_file_without_a_server_error(
    staff, token, django_capture_on_commit_callbacks, sent
):
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            reverse("wire:push", args=["ntb"]),
            sent[1],
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
    assert response.status_code < 500
    event(f"answered {response.status_code}")
    if response.status_code == 202:
        answer = response.json()
        assert not answer["reason"].startswith(CRASHED), answer["reason"]
        event(answer["outcome"])
        row = InboxFile.objects.get(pk=int(answer["row"].rstrip("/").split("/")[-2]))
        if row.article:
            assert_article_pages_show(row.article, staff)
