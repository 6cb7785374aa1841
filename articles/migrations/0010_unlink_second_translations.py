"""
A story has one translation per language (the next migration's constraint). Where one
already has two, the one readers see (else the oldest) stays its translation; the others
are unlinked, each with a note saying what it was, so nothing is lost and an editor can
decide.
"""

from django.db import migrations, models


def unlink_second_translations(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    doubled = (
        Article.objects.filter(translation_of__isnull=False)
        .order_by()
        .values("translation_of", "language")
        .annotate(count=models.Count("pk"))
        .filter(count__gt=1)
    )
    for pair in doubled:
        versions = list(
            Article.objects.filter(translation_of=pair["translation_of"], language=pair["language"])
            .select_related("translation_of")
            .order_by(models.Case(models.When(status="published", then=0), default=1), "pk")
        )
        kept, *others = versions
        for article in others:
            note = (
                f"Unlinked from “{article.translation_of.headline}” (#{article.translation_of_id}): "
                f"it already had a translation into “{article.language}”, "
                f"“{kept.headline}” (#{kept.pk}); a story has one translation per language."
            )
            Article.objects.filter(pk=article.pk).update(
                translation_of=None, notes=f"{article.notes}\n{note}".strip()
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_first_published_is_release"),
    ]

    operations = [migrations.RunPython(unlink_second_translations, migrations.RunPython.noop)]
