"""
The media library and live coverage left the articles app for apps of their own. Their
rows, files, permissions and coverage times are kept through the migration, both ways,
on the demo newsroom; a backup made before the split restores into the new apps.
"""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from library.models import LibraryImage
from live.models import LiveCoverage, LivePost, LivePostCredit

BEFORE_THE_SPLIT = [
    ("articles", "0023_contributor_photo_from_library"),
    ("library", None),
    ("live", None),
]
# A backup of the demo newsroom made by backup_newsroom before the split (format 1).
FORMAT_1_BACKUP = Path(__file__).parent / "data" / "demo-format-1.tar.gz"


def snapshot():
    """What the split moves, as rows, with the groups' rights on the moved models."""
    return {
        "coverage": sorted(
            LiveCoverage.objects.values_list("article_id", "started_at", "ended_at")
        ),
        "posts": sorted(LivePost.objects.values_list("pk", "article_id", "title", "posted_at")),
        "post credits": sorted(LivePostCredit.objects.values_list("pk", "post_id", "place")),
        "pictures": sorted(LibraryImage.objects.values_list("pk", "file", "photographer_id")),
        "rights": sorted(
            Group.permissions.through.objects.filter(
                permission__content_type__app_label__in=["library", "live"]
            ).values_list("group__name", "permission__codename")
        ),
    }


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_demo_newsroom_keeps_everything_through_the_split_both_ways(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=open(tmp_path / "out.txt", "w"))  # noqa: SIM115
    before = snapshot()
    assert before["coverage"] and before["posts"] and before["pictures"] and before["rights"]

    executor = migrate(BEFORE_THE_SPLIT)
    old = executor.loader.project_state(BEFORE_THE_SPLIT[:1]).apps
    covered = old.get_model("articles", "Article").objects.filter(coverage_started_at__isnull=False)
    assert (
        sorted(covered.values_list("pk", "coverage_started_at", "coverage_ended_at"))
        == (before["coverage"])
    )
    assert old.get_model("articles", "LivePost").objects.count() == len(before["posts"])

    migrate()
    assert snapshot() == before
    live_story = LiveCoverage.objects.get().article
    assert "The strongest storm" in Client().get(live_story.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_backup_from_before_the_split_restores_into_the_new_apps(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("restore_newsroom", str(FORMAT_1_BACKUP), stdout=open(tmp_path / "o", "w"))  # noqa: SIM115
    coverage = LiveCoverage.objects.select_related("article").get()
    assert coverage.article.slug == "storm-ingrid-live" and coverage.is_running
    assert LivePost.objects.filter(article=coverage.article).count() == 20
    assert LivePostCredit.objects.filter(post__article=coverage.article).count() == 20
    pictures = LibraryImage.objects.all()
    assert pictures and all(picture.file.storage.exists(picture.file.name) for picture in pictures)
    editors = Group.objects.get(name="Editors").permissions.filter(
        content_type__app_label="library"
    )
    assert set(editors.values_list("codename", flat=True)) == {
        "add_libraryimage",
        "change_libraryimage",
        "delete_libraryimage",
        "view_libraryimage",
    }
    page = Client().get(coverage.article.get_absolute_url()).content.decode()
    assert "Red warning issued" in page and "LiveBlogPosting" in page
