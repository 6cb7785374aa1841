"""
A picture item dropped into the inbox with its file beside it goes to the media library,
never into an article, and its file goes with it to done/; without its file it is refused
with the reason, in failed/. A picture's file waits for its item; one no item names is
refused once it has waited.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.urls import reverse

from articles.models import Article
from library.models import LibraryImage
from tests.wire.test_ninjs import png
from wire.models import InboxFile

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).parent / "corpus"
PANDA = "iptc-2.1-picture.json"  # its original rendition is "panda.jpg", beside it


def drop_panda(inbox, name=PANDA, picture=None):
    shutil.copy(CORPUS / PANDA, inbox / name)
    (inbox / "panda.jpg").write_bytes(png().read() if picture is None else picture)


def test_a_picture_with_its_file_goes_to_the_media_library_not_an_article(inbox, run_inbox):
    drop_panda(inbox)
    run_inbox()
    assert not Article.objects.exists()
    image = LibraryImage.objects.get()
    assert image.caption == "To pandaunger leker i snøen."
    assert image.photographer.name == "Ane Viken"  # credited as a contributor, by the style
    assert image.source_id == "http://wire.example/items/2026-1103-panda-photo"
    assert image.uploaded_by.username == "wire-desk"
    row = InboxFile.objects.get()
    assert (row.outcome, row.picture, row.article) == ("picture", image, None)
    assert row.kept_as == "done/iptc-2.1-picture.json"
    assert row.reason.startswith("Added to the media library: “To pandaunger leker i snøen.”")
    assert "done/panda.jpg" in row.reason
    # The picture's file went with its item: nothing is left to be read again.
    assert sorted(p.name for p in (inbox / "done").iterdir()) == [
        "iptc-2.1-picture.json",
        "panda.jpg",
    ]
    assert not (inbox / "panda.jpg").exists() and not list((inbox / "failed").iterdir())


def test_the_same_picture_sent_again_is_updated_not_doubled(inbox, run_inbox):
    drop_panda(inbox)
    run_inbox()
    drop_panda(inbox)
    run_inbox()
    assert LibraryImage.objects.count() == 1 and not Article.objects.exists()
    first, again = InboxFile.objects.order_by("pk")
    assert (first.outcome, again.outcome) == ("picture", "picture")
    assert again.picture == first.picture
    assert again.reason.startswith("Updated in the media library")


def test_a_picture_without_its_file_is_refused_with_the_reason(inbox, run_inbox):
    shutil.copy(CORPUS / PANDA, inbox / PANDA)
    run_inbox()
    assert not LibraryImage.objects.exists() and not Article.objects.exists()
    row = InboxFile.objects.get()
    assert (row.outcome, row.kept_as) == ("refused", "failed/iptc-2.1-picture.json")
    assert "came without its file (panda.jpg)" in row.reason
    assert "send the file beside the item" in (inbox / "failed" / f"{PANDA}.reason.txt").read_text()


def test_a_file_that_is_no_picture_is_refused_and_goes_to_failed_with_its_item(inbox, run_inbox):
    drop_panda(inbox, picture=b"not a picture at all")
    run_inbox()
    assert not LibraryImage.objects.exists()
    row = InboxFile.objects.get()
    assert row.outcome == "refused" and "not an image we can read" in row.reason
    assert (inbox / "failed" / "panda.jpg").read_bytes() == b"not a picture at all"
    assert (inbox / "failed" / PANDA).exists()


def test_a_picture_s_file_waits_for_its_item_then_is_refused(inbox, run_inbox, monkeypatch):
    (inbox / "panda.jpg").write_bytes(png().read())
    run_inbox()
    assert not InboxFile.objects.exists() and (inbox / "panda.jpg").exists()
    monkeypatch.setattr("wire.inbox.PICTURE_WAIT_SECONDS", -1)
    run_inbox()
    row = InboxFile.objects.get()
    assert (row.outcome, row.kept_as) == ("refused", "failed/panda.jpg")
    assert "a picture's file that no item named" in row.reason
    assert not LibraryImage.objects.exists()


def test_editors_see_the_picture_in_the_inbox_list(client, inbox, editor, run_inbox):
    drop_panda(inbox)
    run_inbox()
    client.force_login(editor)
    page = client.get(reverse("admin:wire_inboxfile_changelist")).text
    image = LibraryImage.objects.get()
    assert "picture, to the media library" in page
    assert reverse("admin:library_libraryimage_change", args=[image.pk]) in page


def test_a_second_name_of_a_picture_kept_elsewhere_is_not_read(inbox, run_inbox, tmp_path):
    elsewhere = tmp_path / "private.png"
    elsewhere.write_bytes(png().read())
    shutil.copy(CORPUS / PANDA, inbox / PANDA)
    os.link(elsewhere, inbox / "panda.jpg")
    run_inbox()
    assert not LibraryImage.objects.exists()
    assert "came without its file" in InboxFile.objects.get().reason
    assert elsewhere.exists()
