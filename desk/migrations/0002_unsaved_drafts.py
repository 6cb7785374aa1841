"""Each person's unsaved changes to a story, kept by its open page (autosave)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0025_release_moment"),
        ("desk", "0001_notices"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Draft",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "page",
                    models.UUIDField(help_text="The open page that keeps this draft.", unique=True),
                ),
                (
                    "fields",
                    models.JSONField(
                        default=list, help_text="[[name, value], …] as the form sends them."
                    ),
                ),
                ("headline", models.CharField(blank=True, max_length=300)),
                (
                    "opened_token",
                    models.UUIDField(
                        blank=True,
                        help_text="The story's edit token when the page was opened.",
                        null=True,
                    ),
                ),
                ("saved_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "done",
                    models.BooleanField(
                        default=False, help_text="Saved into the story, or discarded."
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty for a new story, until it is saved.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="articles.article",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="drafts",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-saved_at", "-pk"],
                "indexes": [
                    models.Index(fields=["user", "article", "-saved_at"], name="draft_user_article")
                ],
            },
        ),
    ]
