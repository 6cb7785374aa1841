# A migration of its own: on PostgreSQL a table cannot be altered in the transaction
# that just updated its rows (their deferred foreign-key checks are still pending).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_unlink_second_translations"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("translation_of", "language"),
                name="one_translation_per_language",
                violation_error_message="This story already has a translation in this language: "
                "a story has one translation per language.",
            ),
        ),
    ]
