"""One stored release moment per story (release_at), read by everything that asks when a
story becomes public; guarded by a check so no way of writing a story can leave it wrong."""

import django.db.models.functions.comparison
from django.db import migrations, models
from django.db.models import F
from django.db.models.functions import Coalesce, Greatest


def store_release_moments(apps, schema_editor):
    """Every published story's release moment, worked out once, in one statement."""
    apps.get_model("articles", "Article").objects.filter(
        status="published", publish_at__isnull=False
    ).update(release_at=Greatest(F("publish_at"), Coalesce(F("embargo_until"), F("publish_at"))))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0024_library_and_live_apps"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="article",
            name="article_embargo_until",
        ),
        migrations.AddField(
            model_name="article",
            name="release_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="The later of its publish time and embargo, once published.",
                null=True,
                verbose_name="reaches readers",
            ),
        ),
        migrations.RunPython(store_release_moments, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="article",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When readers first saw the story: its release moment, kept once past.",
                null=True,
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("release_at__isnull", False)),
                fields=["release_at"],
                name="article_release_at",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("publish_at", None), ("release_at", None)),
                    models.Q(
                        models.Q(("status", "published"), _negated=True), ("release_at", None)
                    ),
                    models.Q(
                        ("publish_at__isnull", False),
                        (
                            "release_at",
                            django.db.models.functions.comparison.Greatest(
                                "publish_at",
                                django.db.models.functions.comparison.Coalesce(
                                    "embargo_until", "publish_at"
                                ),
                            ),
                        ),
                        ("release_at__isnull", False),
                        ("status", "published"),
                    ),
                    _connector="OR",
                ),
                name="release_at_is_the_release_moment",
                violation_error_message="The release moment must be the later of the publish time and the embargo.",
            ),
        ),
    ]
