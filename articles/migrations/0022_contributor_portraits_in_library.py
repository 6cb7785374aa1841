import django.db.models.deletion
from django.db import migrations, models


def into_library(apps, schema_editor):
    """Each profile photo becomes a library picture (its file stays where it is)."""
    Contributor = apps.get_model("articles", "Contributor")
    LibraryImage = apps.get_model("articles", "LibraryImage")
    for person in Contributor.objects.exclude(photo=""):
        picture = LibraryImage.objects.create(
            file=person.photo.name, alt_text=f"Portrait of {person.name}"[:250]
        )
        Contributor.objects.filter(pk=person.pk).update(portrait=picture)


def out_of_library(apps, schema_editor):
    Contributor = apps.get_model("articles", "Contributor")
    for person in Contributor.objects.exclude(portrait=None).select_related("portrait"):
        Contributor.objects.filter(pk=person.pk).update(photo=person.portrait.file.name)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0021_front_page_and_topic_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="contributor",
            name="portrait",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="articles.libraryimage",
            ),
        ),
        migrations.RunPython(into_library, out_of_library),
    ]
