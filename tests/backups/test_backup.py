import io
import shutil
import tarfile
from pathlib import Path

import pytest
import reversion
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from reversion.models import Revision, Version

from articles.models import Article, Contributor, CreditStyle, Section, Transition
from comments.models import BannedCommenter, BannedWord, Comment, ModerationLog, Report
from desk.models import Notice, NoticeSetting
from live.models import LiveCoverage
from tests.factories import jpeg, with_lead_image

pytestmark = pytest.mark.django_db

MODELS = [
    "auth.Group",
    "auth.User",
    "articles.Section",
    "articles.Contributor",
    "articles.CreditStyle",
    "articles.CreditPhrase",
    "articles.Article",
    "articles.Credit",
    "articles.Correction",
    "articles.Transition",
    "articles.FormerSlug",
    "live.LiveCoverage",
    "live.LivePost",
    "live.LivePostCredit",
    "reversion.Revision",
    "reversion.Version",
    "comments.Comment",
    "comments.ModerationLog",
    "comments.Report",
    "comments.BannedWord",
    "comments.BannedCommenter",
    "desk.Notice",
    "desk.NoticeSetting",
]


def snapshot():
    """Every row of every model a backup holds, with group and permission memberships."""
    rows = {label: list(apps.get_model(label).objects.order_by("pk").values()) for label in MODELS}
    rows["memberships"] = sorted(User.groups.through.objects.values_list("user_id", "group_id"))
    rows["group permissions"] = sorted(
        Group.permissions.through.objects.values_list(
            "group_id", "permission__content_type__app_label", "permission__codename"
        )
    )
    return rows


def media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return {str(f.relative_to(root)): f.read_bytes() for f in root.rglob("*") if f.is_file()}


@pytest.fixture
def newsroom(make_article, editor, reporter, moderator, make_user):
    with reversion.create_revision():
        story = make_article(
            headline="Harbour fraud trial opens",
            created_by=reporter,
            credits=[("reporting", "Ann One", "Oslo", ""), ("editing", "Ed Itor", "", "")],
        )
    with_lead_image(story)
    story.submit(reporter)
    story.publish(editor)
    story.add_correction(editor, "The trial opened on Tuesday.", wrong="Monday", right="Tuesday")
    LiveCoverage.start(story, editor)
    story.live_coverage.add_post(
        editor,
        "<p>The verdict is expected on Friday.</p>",
        image=jpeg(320, 200),
        image_alt="The court house",
        credits=[("reporting", story.credits.first().contributor, "Oslo")],
    ).pin(editor)
    story.slug = "harbour-fraud-trial"  # its first address keeps answering
    story.save()
    translation = story.create_translation(editor, "fr", story.credits.first().contributor)
    comment = Comment.objects.create(
        article=story, name="Ada", email="ada@example.org", text="Good report.", ip="10.0.0.1"
    )
    comment.approve(moderator, "Fine")
    Report.objects.create(comment=comment, reason="other", ip_hash="abc")
    BannedWord.objects.create(word="casino")
    BannedCommenter.objects.create(email="bot@example.org", reason="Spam")
    NoticeSetting.objects.create(user=reporter, kind="published", by_email=False)
    assert Notice.objects.filter(user=editor, kind="submitted").exists()
    return story, translation


def empty_the_database(settings):
    for model in (Article, Contributor, Section, Revision, BannedWord, BannedCommenter, User):
        model.objects.all().delete()
    Group.objects.all().delete()
    CreditStyle.objects.all().delete()
    shutil.rmtree(settings.MEDIA_ROOT)


def test_restore_into_an_empty_database_gives_everything_back(newsroom, tmp_path, settings):
    before, files = snapshot(), media_files(settings)
    assert files and before["reversion.Version"] and before["comments.ModerationLog"]
    backup = tmp_path / "newsroom.tar.gz"
    out = io.StringIO()
    call_command("backup_newsroom", str(backup), stdout=out)
    assert "Backup written" in out.getvalue()

    empty_the_database(settings)
    assert not Article.objects.exists() and not Group.objects.exists()
    call_command("restore_newsroom", str(backup), stdout=io.StringIO())

    assert snapshot() == before
    assert media_files(settings) == files
    story = Article.objects.get(slug=newsroom[0].slug)
    assert story.credit_line == "(Reporting by Ann One in Oslo; Editing by Ed Itor)"
    assert Version.objects.get_for_object(story).count() == before_versions(before, story)
    assert Transition.objects.filter(article=story, to_status="published").count() == 1
    assert ModerationLog.objects.filter(comment__article=story, to_status="approved").exists()
    assert User.objects.get(username="editor").check_password("pw")


def before_versions(rows, article):
    return sum(
        1
        for v in rows["reversion.Version"]
        if v["object_id"] == str(article.pk) and v["content_type_id"] == ct_id(Article)
    )


def ct_id(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def test_a_database_with_content_is_refused_unless_replaced(newsroom, tmp_path, settings):
    backup = tmp_path / "newsroom.tar.gz"
    call_command("backup_newsroom", str(backup), stdout=io.StringIO())
    at_backup, files = snapshot(), media_files(settings)
    Section.objects.create(name="Later", slug="later")
    Comment.objects.filter(pk=Comment.objects.get().pk).update(text="Edited since")
    current = snapshot()

    with pytest.raises(CommandError, match="not empty.*Nothing was changed.*--replace"):
        call_command("restore_newsroom", str(backup))
    assert snapshot() == current

    call_command("restore_newsroom", str(backup), "--replace", stdout=io.StringIO())
    assert snapshot() == at_backup
    assert media_files(settings) == files


def not_a_backup(tmp_path):
    text = tmp_path / "notes.tar.gz"
    text.write_text("Shopping list: milk, bread.")
    tarball = tmp_path / "photos.tar.gz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(__file__, arcname="photo.txt")
    return [text, tarball]


@pytest.mark.parametrize("kind", ["missing", "text", "other tarball"])
def test_bad_input_is_refused_clearly_and_changes_nothing(kind, newsroom, tmp_path, settings):
    path = {
        "missing": tmp_path / "nowhere.tar.gz",
        "text": not_a_backup(tmp_path)[0],
        "other tarball": not_a_backup(tmp_path)[1],
    }[kind]
    before, files = snapshot(), media_files(settings)
    expected = "There is no backup file" if kind == "missing" else "is not a Newsroom backup"
    with pytest.raises(CommandError, match=expected):
        call_command("restore_newsroom", str(path), "--replace")
    assert snapshot() == before
    assert media_files(settings) == files


def test_a_backup_needs_a_directory_to_go_into(newsroom, tmp_path):
    with pytest.raises(CommandError, match="There is no directory"):
        call_command("backup_newsroom", str(tmp_path / "missing" / "b.tar.gz"))
    assert not (tmp_path / "missing").exists()


def test_media_in_object_storage_are_backed_up_and_restored(tmp_path, settings):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    # Any storage but the local disk, as with S3 through django-storages.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    default_storage.save("leads/2026/harbour.jpg", ContentFile(b"harbour at dawn"))
    default_storage.save("renditions/harbour-640.jpg", ContentFile(b"smaller harbour"))
    path = tmp_path / "newsroom.tar.gz"
    call_command("backup_newsroom", str(path), stdout=io.StringIO())

    default_storage.delete("leads/2026/harbour.jpg")
    default_storage.delete("renditions/harbour-640.jpg")
    default_storage.save("renditions/harbour-640.jpg", ContentFile(b"a different picture"))
    call_command("restore_newsroom", str(path), "--replace", stdout=io.StringIO())

    assert default_storage.open("leads/2026/harbour.jpg").read() == b"harbour at dawn"
    assert default_storage.open("renditions/harbour-640.jpg").read() == b"smaller harbour"
    assert not Path(settings.MEDIA_ROOT).exists()
