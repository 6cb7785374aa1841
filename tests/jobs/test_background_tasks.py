"""Renditions and CDN purges run as background tasks, tried again while what they need fails."""

import pytest
from celery.exceptions import Retry
from django.core.files.storage import default_storage

from jobs.models import FailedTask
from library import renditions
from library.tasks import make_renditions
from newsroom.pagecache.tasks import purge_tags
from tests.factories import with_lead_image

pytestmark = pytest.mark.django_db


def test_renditions_are_made_when_the_picture_is_uploaded(
    make_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = with_lead_image(make_article(headline="Ice on the river"))
    # Made before any page showed the picture.
    name = article.lead_image.file.name
    for width in renditions.WIDTHS:
        assert default_storage.exists(renditions.rendition_name(name, width))
    assert renditions.are_known(name)


def test_renditions_of_an_unreadable_storage_are_tried_again(monkeypatch, make_article):
    article = with_lead_image(make_article(headline="Ice on the river"))
    monkeypatch.setattr(renditions, "_sizes", lambda storage, name, *crop: None)  # storage down
    make_renditions.delay(article.lead_image.file.name)
    failed = FailedTask.objects.get()  # in-process: recorded at once, for an admin
    assert failed.task == "library.tasks.make_renditions"
    assert "could not be read" in failed.error


def test_a_failing_task_on_a_worker_is_retried_with_growing_pauses(monkeypatch, settings):
    settings.PAGE_CACHE_PURGE = "tests.jobs.test_background_tasks.cdn_down"
    pauses = []

    def retry(exc=None, countdown=None, **kwargs):
        pauses.append(countdown)
        return Retry(exc=exc, when=countdown)

    monkeypatch.setattr(purge_tags, "retry", retry)
    for attempt in range(3):
        purge_tags.push_request(retries=attempt, is_eager=False)
        try:
            with pytest.raises(Retry):
                purge_tags(["article-1"])
        finally:
            purge_tags.pop_request()
    assert pauses == [10, 20, 40]
    assert not FailedTask.objects.exists()  # not given up yet

    purge_tags.push_request(retries=purge_tags.max_retries, is_eager=False)
    try:
        with pytest.raises(ConnectionError):
            purge_tags(["article-1"])
    finally:
        purge_tags.pop_request()
    failed = FailedTask.objects.get()
    assert (failed.task, failed.args) == ("newsroom.pagecache.tasks.purge_tags", [["article-1"]])
    assert failed.error == "ConnectionError: CDN unreachable"


def cdn_down(tags):
    raise ConnectionError("CDN unreachable")


def test_a_purge_that_fails_in_process_is_recorded(
    live_story, editor, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_PURGE = "tests.jobs.test_background_tasks.cdn_down"
    with django_capture_on_commit_callbacks(execute=True):
        live_story.add_correction(editor, "A fix.")
    failed = list(FailedTask.objects.all())
    assert {row.task for row in failed} == {"newsroom.pagecache.tasks.purge_tags"}
    assert any(f"article-{live_story.pk}" in row.args[0] for row in failed)


@pytest.fixture
def live_story(publish):
    return publish(headline="Harbour fraud trial opens")


def test_the_periodic_jobs_are_scheduled_for_beat_and_editable():
    from django_celery_beat.models import PeriodicTask

    from newsroom.celery import app

    scheduled = {task.name: task for task in PeriodicTask.objects.all()}
    assert scheduled["Forget commenters' addresses"].crontab.hour == "3"
    assert scheduled["Send waiting mail"].interval.every == 60
    assert scheduled["Import the wire inbox"].interval.every == 10
    assert scheduled["Send waiting confirmation links"].enabled
    for task in scheduled.values():
        assert task.task in app.tasks, task.name  # each names a task the workers know
