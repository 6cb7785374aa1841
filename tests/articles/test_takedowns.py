"""
Withdrawn stories: one readers saw answers "gone" with a notice and nothing else; one they
never saw (withdrawn under embargo or before its publish time) looks as if it never was.
"""

import json
import re
from datetime import timedelta
from pathlib import PurePosixPath

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import schema_errors, with_lead_image

pytestmark = pytest.mark.django_db

SECRET = "Zanzibar minister resigns"


def ninjs_url(article):
    return reverse("wire:ninjs", args=[article.slug])


def later(monkeypatch, hours):
    moment = timezone.now() + timedelta(hours=hours)
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.fixture
def story(make_article):
    return make_article(
        headline=SECRET,
        slug="zanzibar",
        standfirst="The minister stepped down on Monday.",
        body="<p>Zanzibar body text.</p>",
        credits=[("reporting", "Guy Faulconbridge", "Moscow", "")],
    )


def test_a_withdrawn_story_readers_saw_leaves_only_a_kill_notice(client, editor, story):
    story.publish(editor)
    story.withdraw(editor, "Legal advice")
    assert client.get(story.get_absolute_url()).status_code == 410
    response = client.get(ninjs_url(story))
    assert response.status_code == 200
    item = response.json()
    assert schema_errors(item) == []
    assert item["pubstatus"] == "canceled"
    assert item["uri"] == "http://testserver" + story.get_absolute_url()
    assert set(item) == {"uri", "standard", "version", "versioncreated", "pubstatus"}
    text = json.dumps(item, ensure_ascii=False)
    for word in ("Zanzibar", "minister", "Faulconbridge", "Moscow"):
        assert word not in text.replace("zanzibar", ""), word


@pytest.mark.parametrize("kind", ["embargoed", "scheduled"])
def test_a_story_withdrawn_before_readers_saw_it_never_existed(
    client, editor, story, monkeypatch, kind
):
    if kind == "embargoed":
        story.embargo_until = timezone.now() + timedelta(hours=2)
        story.save()
        story.publish(editor)
    else:
        story.publish(editor, at=timezone.now() + timedelta(hours=2))
    story.withdraw(editor, "Legal advice")
    staff = Client()
    staff.force_login(editor)
    for hours in (0, 3):  # before and after the time it would have been released
        later(monkeypatch, hours)
        for who in (client, staff):
            for url in (story.get_absolute_url(), ninjs_url(story)):
                response = who.get(url)
                assert response.status_code == 404, (hours, url)
                assert SECRET not in response.content.decode()
    assert not Article.objects.gone().exists()


def test_a_story_released_then_withdrawn_is_gone(client, editor, story, monkeypatch):
    story.embargo_until = timezone.now() + timedelta(hours=2)
    story.save()
    story.publish(editor)
    later(monkeypatch, 3)  # the embargo lifted and readers saw it
    story.withdraw(editor, "Legal advice")
    assert client.get(story.get_absolute_url()).status_code == 410
    assert client.get(ninjs_url(story)).json()["pubstatus"] == "canceled"


def test_embargo_set_after_publishing_is_when_readers_see_it(editor, make_article):
    article = make_article(headline="Rates decision")
    article.publish(editor, at=timezone.now() + timedelta(hours=1))
    lifts = timezone.now() + timedelta(hours=5)
    article.embargo_until = lifts
    article.save()
    assert article.first_published_at == lifts


def test_stories_withdrawn_under_embargo_before_the_upgrade_are_forgotten(editor, make_article):
    """The data migration reads the workflow record of stories withdrawn the old way."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("articles.migrations.0009_first_published_is_release")
    now = timezone.now()
    hidden, seen, live = (
        make_article(headline=name, status="withdrawn") for name in ("Hidden", "Seen", "Live")
    )
    for article, embargo, withdrawn in (
        (hidden, now - timedelta(hours=1), now - timedelta(hours=2)),
        (seen, now - timedelta(hours=3), now - timedelta(hours=2)),
    ):
        # As publishing used to record it: the publish time, whatever the embargo said.
        Article.objects.filter(pk=article.pk).update(
            publish_at=now - timedelta(hours=5),
            first_published_at=now - timedelta(hours=5),
            embargo_until=embargo,
        )
        article.transitions.create(
            user=editor, from_status="published", to_status="withdrawn", created_at=withdrawn
        )
    Article.objects.filter(pk=live.pk).update(
        status="published",
        publish_at=now - timedelta(hours=5),
        first_published_at=now - timedelta(hours=5),
        embargo_until=now + timedelta(hours=1),
        release_at=now + timedelta(hours=1),  # stored by every write since
    )
    migration.settle(apps, None)
    assert list(Article.objects.gone()) == [Article.objects.get(pk=seen.pk)]
    assert Article.objects.get(pk=seen.pk).first_published_at == now - timedelta(hours=3)
    assert Article.objects.get(pk=live.pk).first_published_at == now + timedelta(hours=1)


def rendition_files(name):
    from library import renditions

    folder = str(PurePosixPath(renditions.rendition_name(name, 0)).parent)
    stem = PurePosixPath(name).stem
    return [f for f in default_storage.listdir(folder)[1] if f.startswith(f"{stem}-")]


def test_a_withdrawn_story_s_pictures_are_no_longer_served(
    client, editor, story, django_capture_on_commit_callbacks
):
    with_lead_image(story)
    story.publish(editor)
    page = client.get(story.get_absolute_url()).content.decode()
    served = re.findall(r"/media/(renditions/\S+\.jpg)", page)
    original = story.lead_image.file.name
    assert served and rendition_files(original)
    with django_capture_on_commit_callbacks(execute=True):
        story.withdraw(editor, "Legal advice")
    assert not default_storage.exists(original)
    assert rendition_files(original) == []
    for name in served:
        assert not default_storage.exists(name)
    story.refresh_from_db()  # the newsroom keeps the picture, at an address never given out
    assert story.lead_image.file.name.startswith("withdrawn/")
    assert default_storage.exists(story.lead_image.file.name)
    assert original not in client.get(ninjs_url(story)).content.decode()


def test_a_live_translation_keeps_the_picture_it_shares(
    client, editor, story, django_capture_on_commit_callbacks
):
    with_lead_image(story)
    story.publish(editor)
    french = story.create_translation(editor, "fr")
    french.publish(editor)
    with django_capture_on_commit_callbacks(execute=True):
        story.withdraw(editor, "Legal advice")
    french.refresh_from_db()
    story.refresh_from_db()
    assert default_storage.exists(french.lead_image.file.name)
    assert not french.lead_image.file.name.startswith("withdrawn/")
    assert story.lead_image == french.lead_image  # the newsroom keeps it in its library
    assert "/media/renditions/" in client.get(french.get_absolute_url()).content.decode()


def test_a_withdrawal_that_fails_takes_nothing_down(editor, story, monkeypatch):
    with_lead_image(story)
    story.publish(editor)
    original = story.lead_image.file.name
    from articles.models import Transition

    monkeypatch.setattr(Transition.objects, "create", lambda **kw: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        story.withdraw(editor, "Legal advice")
    story.refresh_from_db()
    assert story.lead_image.file.name == original and default_storage.exists(original)


def test_pictures_of_stories_withdrawn_before_are_taken_down_by_a_command(
    story, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    with_lead_image(story)
    original = story.lead_image.file.name
    Article.objects.filter(pk=story.pk).update(status="withdrawn")  # as withdrawn long ago
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("take_down_withdrawn_pictures", stdout=out)
    assert not default_storage.exists(original)
    story.refresh_from_db()
    assert story.lead_image.file.name.startswith("withdrawn/")
    assert "Pictures of 1 withdrawn stories taken down." in out.getvalue()
    call_command("take_down_withdrawn_pictures", stdout=out)  # again: nothing left to do
    assert "Pictures of 0 withdrawn stories" in out.getvalue()
