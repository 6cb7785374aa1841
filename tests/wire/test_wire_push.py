"""
An agency pushes its copy to /wire/push/<agency>/ with its own token: the wrong token (or
none) is 403 and nothing is kept; the right one is imported as a dropped file is, 202.
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article
from wire.forms import MAX_STORY_BYTES
from wire.models import InboxFile, WireAgency

pytestmark = pytest.mark.django_db

ITEM = {
    "uri": "urn:newsroom-test:push:1",
    "type": "text",
    "language": "en",
    "versioncreated": "2026-12-02T08:00:00Z",
    "headlines": [{"role": "main", "value": "Bridge opens to traffic a week early"}],
    "bodies": [
        {
            "role": "main",
            "contenttype": "text/plain",
            "value": "TROMSO (NTB) – The new bridge opened on Wednesday, a week early.\n\n"
            "Buses will use it from Monday.",
        }
    ],
}


@pytest.fixture
def token(db):
    out = StringIO()
    call_command("wire_agency_token", "ntb", "--name", "NTB", stdout=out)
    return out.getvalue().strip()


def push(client, body, token=None, agency="ntb"):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = body if isinstance(body, bytes) else json.dumps(body)
    url = reverse("wire:push", args=[agency])
    return client.post(url, data, content_type="application/json", headers=headers)


@pytest.mark.parametrize("given", [None, "wrong", "Bearer"])
def test_a_wrong_or_missing_token_is_403_and_nothing_is_kept(client, inbox, token, given):
    response = push(client, ITEM, given)
    assert response.status_code == 403
    assert not Article.objects.exists() and not InboxFile.objects.exists()
    assert not any(p.is_file() for p in inbox.rglob("*"))


def test_another_agency_s_token_is_refused(client, inbox, token):
    WireAgency.objects.create(name="TT", slug="tt")
    assert push(client, ITEM, token, agency="tt").status_code == 403
    assert push(client, ITEM, token, agency="nobody").status_code == 403
    assert not InboxFile.objects.exists()


def test_the_right_token_imports_as_a_dropped_file(
    inbox, token, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        # An agency's post carries no CSRF token: its bearer token is what counts.
        response = push(Client(enforce_csrf_checks=True), ITEM, token)
    assert response.status_code == 202
    row = InboxFile.objects.get()
    address = reverse("admin:wire_inboxfile_change", args=[row.pk])
    assert response["Location"].endswith(address) and response.json()["row"].endswith(address)
    assert (row.outcome, row.article.headline) == (
        "imported",
        "Bridge opens to traffic a week early",
    )
    assert row.article.status == Article.Status.REVIEW
    assert (inbox / row.kept_as).is_file()


def test_the_token_is_kept_only_as_its_hash(token):
    agency = WireAgency.objects.get()
    assert token not in agency.token_hash and agency.accepts(token)
    assert not agency.accepts(token + "x")


def test_only_post_is_answered_and_size_is_limited(client, inbox, token):
    url = reverse("wire:push", args=["ntb"])
    assert client.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 405
    response = push(client, b"{" + b" " * MAX_STORY_BYTES + b"}", token)
    assert response.status_code == 413
    assert not InboxFile.objects.exists()


def test_a_pushed_wrapper_is_answered_with_a_row_for_each_item(
    inbox, token, django_capture_on_commit_callbacks
):
    wrapper = {"total": 2, "item": [ITEM, {**ITEM, "uri": "urn:newsroom-test:push:photo"}]}
    wrapper["item"][1].update(type="picture", renditions=[{"name": "original", "href": "p.jpg"}])
    with django_capture_on_commit_callbacks(execute=True):
        response = push(Client(), wrapper, token)
    assert response.status_code == 202
    story, picture = InboxFile.objects.order_by("item")
    answer = response.json()
    assert [item["outcome"] for item in answer["items"]] == ["imported", "refused"]
    assert "came without its file (p.jpg)" in answer["items"][1]["reason"]
    address = reverse("admin:wire_inboxfile_change", args=[story.pk])
    assert response["Location"].endswith(address) and answer["row"].endswith(address)
    assert answer["items"][1]["row"].endswith(
        reverse("admin:wire_inboxfile_change", args=[picture.pk])
    )
    assert Article.objects.get().headline == "Bridge opens to traffic a week early"
    assert "came without its file (p.jpg)" in picture.reason
