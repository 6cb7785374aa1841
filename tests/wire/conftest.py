"""The wire's tests: story_file(text=None, name="story.txt", footer=FOOTER) writes one;
demo_exports(version=None) gives the demo stories as ninjs."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.wire.wire_copy import FOOTER, STORY


@pytest.fixture
def story_file(tmp_path):
    def write(text=None, name="story.txt", footer=FOOTER):
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(STORY.format(footer=footer) if text is None else text, "utf-8")
        return str(path)

    return write


@pytest.fixture
def demo(db):
    """The demo newsroom: stories in every state, a translation and a live story."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def demo_exports(demo, client):
    """export(version=None): {slug: ninjs item} of every demo story the ninjs view answers,
    as its partners get it, and the embargoed and scheduled ones as staff pass them on."""

    def export(version=None):
        staff = Client()
        staff.force_login(User.objects.get(username="editor"))
        query = {"version": version} if version else {}
        items = {}
        for slug in Article.objects.values_list("slug", flat=True):
            url = reverse("wire:ninjs", args=[slug])
            response = client.get(url, query)
            if response.status_code == 404:
                response = staff.get(url, query)
            if response.status_code == 200:
                items[slug] = response.json()
        return items

    return export


@pytest.fixture
def inbox(tmp_path, settings, section):
    """The inbox folder, switched on."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    settings.WIRE_INBOX_DIR = str(folder)
    return folder


@pytest.fixture
def run_inbox(django_capture_on_commit_callbacks):
    """Run the periodic import, its transactions committed (files move after a commit)."""
    from wire.tasks import import_wire_inbox

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return import_wire_inbox.delay()

    return run
