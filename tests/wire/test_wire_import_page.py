"""
The wire import page in the admin: editors paste or upload copy and may publish it;
nobody else may import (the ``wire.import_story`` permission, given to Editors).
"""

import json

import pytest
from django.urls import reverse

from articles.models import Article
from tests.wire.wire_copy import FOOTER, STORY


def test_changelist_links_to_the_import_page(client, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_changelist"))
    assert reverse("wire:import") in page.content.decode()


def test_editor_imports_pasted_copy(client, editor, section):
    client.force_login(editor)
    assert client.get(reverse("wire:import")).status_code == 200
    response = client.post(reverse("wire:import"), {"text": STORY.format(footer=FOOTER)})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.credit_line == FOOTER
    assert article.status == Article.Status.REVIEW
    assert article.created_by == editor


def test_editor_uploads_and_publishes(client, editor, section, story_file):
    client.force_login(editor)
    with open(story_file(), "rb") as upload:
        client.post(reverse("wire:import"), {"file": upload, "publish": "on"})
    assert Article.objects.published().get().credit_line == FOOTER


def test_bad_paste_is_refused_and_kept(client, editor, section):
    client.force_login(editor)
    response = client.post(reverse("wire:import"), {"text": "(Reporting by Ann One)"})
    assert response.status_code == 200
    assert "no headline" in response.content.decode()
    assert "(Reporting by Ann One)" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize("who", ["reporter", "translator", "moderator"])
def test_only_editors_may_import(client, request, section, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("wire:import")).status_code == 403
    response = client.post(reverse("wire:import"), {"text": STORY.format(footer=FOOTER)})
    assert response.status_code == 403
    assert not Article.objects.exists()
    for page in ("admin:articles_article_changelist", "admin:index"):
        assert reverse("wire:import") not in client.get(reverse(page)).content.decode()


def test_the_import_permission_is_the_editors_group_s(db):
    from django.contrib.auth.models import Group

    holders = Group.objects.filter(permissions__codename="import_story")
    assert list(holders.values_list("name", flat=True)) == ["Editors"]


def test_binary_upload_is_refused_on_the_page(client, editor, section):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    response = client.post(reverse("wire:import"), {"file": upload})
    assert response.status_code == 200
    assert "photo.jpg: this is a binary file" in response.content.decode()
    assert not Article.objects.exists()


def wrapper(*items):
    """A content-API answer wrapping ``items``, as agencies' search APIs send them."""
    return json.dumps({"total": len(items), "item": list(items)})


def text_item(slug, headline):
    return {
        "uri": f"http://api.example/items/{slug}",
        "type": "text",
        "language": "en",
        "headlines": [{"role": "main", "value": headline}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>All day.</p>"}],
    }


PICTURE = {
    "uri": "http://api.example/items/park-photo",
    "type": "picture",
    "headlines": [{"role": "main", "value": "Planting day"}],
    "descriptions": [{"role": "caption", "value": "Volunteers with spades."}],
}


def test_a_wrapper_pasted_imports_each_story_and_says_why_not_the_rest(client, editor, section):
    client.force_login(editor)
    pasted = wrapper(
        text_item("park", "Park gets a thousand new trees"),
        PICTURE,
        {"uri": "http://api.example/items/empty", "type": "text", "headlines": []},
        text_item("pool", "Pool opens in May"),
    )
    response = client.post(reverse("wire:import"), {"text": pasted}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:articles_article_changelist")
    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Park gets a thousand new trees",
        "Pool opens in May",
    ]
    said = [str(message) for message in response.context["messages"]]
    assert sum("was imported" in line for line in said) == 2
    assert any("item 2 of 4" in line and "is a picture" in line for line in said)
    assert any("item 3 of 4: no headline" in line for line in said)


def test_a_wrapper_with_no_story_in_it_is_refused_and_kept(client, editor, section):
    client.force_login(editor)
    pasted = wrapper(PICTURE, {"uri": "urn:x:2", "type": "text", "headlines": []})
    response = client.post(reverse("wire:import"), {"text": pasted})
    page = response.content.decode()
    assert response.status_code == 200 and "Nothing was imported." in page
    assert "item 1 of 2" in page and "item 2 of 2: no headline" in page
    assert "Volunteers with spades." in page  # what was pasted stays in the box
    assert not Article.objects.exists()


def test_a_story_of_a_wrapper_sent_again_is_updated_not_duplicated(client, editor, section):
    client.force_login(editor)
    first = wrapper(text_item("park", "Park gets trees"), text_item("pool", "Pool opens"))
    client.post(reverse("wire:import"), {"text": first})
    again = wrapper(text_item("park", "Park gets a thousand trees"), PICTURE)
    client.post(reverse("wire:import"), {"text": again})
    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Park gets a thousand trees",
        "Pool opens",
    ]
