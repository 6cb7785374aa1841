"""The media library and live coverage are apps of their own (library/, live/): their
models leave this app's state, their tables stay; the coverage times, copied into
live's LiveCoverage rows by its first migration, leave the article."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_contributor_photo_from_library"),
        ("library", "0001_initial"),
        ("live", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="lead_image",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="A picture from the media library; its caption, alt text and photographer go with it.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="lead_of",
                        to="library.libraryimage",
                    ),
                ),
                migrations.AlterField(
                    model_name="contributor",
                    name="photo",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="A portrait from the media library, shown on their page.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="library.libraryimage",
                    ),
                ),
                migrations.DeleteModel(name="LivePostCredit"),
                migrations.DeleteModel(name="LivePost"),
                migrations.DeleteModel(name="LibraryImage"),
            ],
        ),
        migrations.RemoveField(model_name="article", name="coverage_started_at"),
        migrations.RemoveField(model_name="article", name="coverage_ended_at"),
    ]
