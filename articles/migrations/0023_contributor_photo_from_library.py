import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    # Apart from the data migration before it: PostgreSQL alters no table with rows
    # written in the same transaction whose constraint checks are still pending.
    dependencies = [
        ("articles", "0022_contributor_portraits_in_library"),
    ]

    operations = [
        migrations.RemoveField(model_name="contributor", name="photo"),
        migrations.RenameField(model_name="contributor", old_name="portrait", new_name="photo"),
        migrations.AlterField(
            model_name="contributor",
            name="photo",
            field=models.ForeignKey(
                blank=True,
                help_text="A portrait from the media library, shown on their page.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="articles.libraryimage",
            ),
        ),
    ]
