"""
``first_published_at`` becomes the moment readers first saw a story: the later of its
publish time and embargo, and nothing for a story withdrawn before that moment.

Publishing used to record the publish time even while an embargo held the story back,
so a story withdrawn under embargo looked as if readers had seen it.
"""

from django.db import migrations, models
from django.db.models import F, Max, Q


def settle(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    # An embargo that outlasted the publish time is when readers first saw the story.
    Article.objects.filter(
        first_published_at__isnull=False, embargo_until__gt=F("first_published_at")
    ).exclude(status="withdrawn").update(first_published_at=F("embargo_until"))

    withdrawn = (
        Article.objects.filter(status="withdrawn", first_published_at__isnull=False)
        .annotate(
            withdrawn_at=Max(
                "transitions__created_at", filter=Q(transitions__to_status="withdrawn")
            )
        )
        .only("pk", "publish_at", "embargo_until", "first_published_at")
    )
    for article in withdrawn:
        candidates = [article.publish_at, article.embargo_until, article.first_published_at]
        released = max(moment for moment in candidates if moment is not None)
        if article.withdrawn_at is None or released > article.withdrawn_at:
            released = None  # withdrawn before readers saw it, or no record of when
        if released != article.first_published_at:
            Article.objects.filter(pk=article.pk).update(first_published_at=released)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_stored_search_document"),
    ]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When readers first see the story: the later of its publish time and "
                "embargo.",
                null=True,
            ),
        ),
        migrations.RunPython(settle, migrations.RunPython.noop),
    ]
