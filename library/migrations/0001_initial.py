"""The media library leaves the articles app for an app of its own, keeping its table
(``articles_libraryimage``), its rows and files, its permissions and its history: only
Django's idea of where the model lives changes, and the content type moves with it."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import library.models

OLD_TASK, NEW_TASK = "articles.tasks.make_renditions", "library.tasks.make_renditions"


def move_content_type(apps, old_label, new_label, model):
    """Permissions, admin log entries and revisions name a model by its content type:
    moving the row takes them all along."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=new_label, model=model).exists():
        ContentType.objects.filter(app_label=old_label, model=model).update(app_label=new_label)


def into_library(apps, schema_editor):
    move_content_type(apps, "articles", "library", "libraryimage")
    apps.get_model("jobs", "FailedTask").objects.filter(task=OLD_TASK).update(task=NEW_TASK)


def back_to_articles(apps, schema_editor):
    move_content_type(apps, "library", "articles", "libraryimage")
    apps.get_model("jobs", "FailedTask").objects.filter(task=NEW_TASK).update(task=OLD_TASK)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0023_contributor_photo_from_library"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("jobs", "0002_periodic_tasks"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="LibraryImage",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "file",
                            models.ImageField(
                                upload_to=library.models.library_image_path,
                                verbose_name="picture",
                            ),
                        ),
                        ("caption", models.CharField(blank=True, max_length=500)),
                        (
                            "alt_text",
                            models.CharField(
                                help_text="What the picture shows, for readers who cannot see it.",
                                max_length=250,
                            ),
                        ),
                        (
                            "credit",
                            models.CharField(
                                blank=True,
                                help_text="Who to credit when the photographer is not a contributor, e.g. “Reuters”.",
                                max_length=150,
                            ),
                        ),
                        (
                            "focal_x",
                            models.FloatField(
                                default=0.5,
                                help_text="Where the subject is, from the left edge (0) to the right edge (1): crops keep it in the frame.",
                                validators=[
                                    django.core.validators.MinValueValidator(0.0),
                                    django.core.validators.MaxValueValidator(1.0),
                                ],
                                verbose_name="focal point across",
                            ),
                        ),
                        (
                            "focal_y",
                            models.FloatField(
                                default=0.5,
                                help_text="Where the subject is, from the top (0) to the bottom (1).",
                                validators=[
                                    django.core.validators.MinValueValidator(0.0),
                                    django.core.validators.MaxValueValidator(1.0),
                                ],
                                verbose_name="focal point down",
                            ),
                        ),
                        (
                            "uploaded_at",
                            models.DateTimeField(default=django.utils.timezone.now, editable=False),
                        ),
                        (
                            "photographer",
                            models.ForeignKey(
                                blank=True,
                                help_text="Credited as “Photo: …” in the story's credit style, and listed on their page.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="photos",
                                to="articles.contributor",
                            ),
                        ),
                        (
                            "uploaded_by",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "library image",
                        "verbose_name_plural": "media library",
                        "db_table": "articles_libraryimage",
                        "ordering": ["-uploaded_at", "-pk"],
                    },
                ),
            ],
        ),
        migrations.RunPython(into_library, back_to_articles),
    ]
