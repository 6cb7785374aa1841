"""Live coverage leaves the articles app for an app of its own. Posts and their credits
keep their tables (``articles_livepost``, ``articles_livepostcredit``) and rows; a story's
coverage times move from two columns of the article to a ``LiveCoverage`` row of its own
(the articles app's migration 0024 then drops the columns)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import live.models

MOVED = ["livepost", "livepostcredit"]


def move_content_types(apps, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label=new_label, model=model).exists():
            ContentType.objects.filter(app_label=old_label, model=model).update(app_label=new_label)


def into_live(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    LiveCoverage = apps.get_model("live", "LiveCoverage")
    covered = Article.objects.filter(coverage_started_at__isnull=False)
    LiveCoverage.objects.bulk_create(
        LiveCoverage(
            article_id=pk,
            started_at=started,
            ended_at=ended,
        )
        for pk, started, ended in covered.values_list(
            "pk", "coverage_started_at", "coverage_ended_at"
        ).iterator()
    )
    move_content_types(apps, "articles", "live")


def back_to_articles(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for coverage in apps.get_model("live", "LiveCoverage").objects.iterator():
        Article.objects.filter(pk=coverage.article_id).update(
            coverage_started_at=coverage.started_at, coverage_ended_at=coverage.ended_at
        )
    move_content_types(apps, "live", "articles")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0023_contributor_photo_from_library"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="LiveCoverage",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="live_coverage",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                (
                    "started_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="live coverage started"
                    ),
                ),
                (
                    "ended_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="live coverage ended"),
                ),
            ],
            options={"verbose_name_plural": "live coverage"},
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="LivePost",
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
                            "posted_at",
                            models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                        ),
                        ("title", models.CharField(blank=True, max_length=250)),
                        (
                            "body",
                            models.TextField(
                                help_text="HTML: paragraphs, subheads, links, quotes and lists, as in articles."
                            ),
                        ),
                        (
                            "image",
                            models.ImageField(blank=True, upload_to=live.models.live_image_path),
                        ),
                        (
                            "image_alt",
                            models.CharField(
                                blank=True, max_length=250, verbose_name="image alt text"
                            ),
                        ),
                        ("image_caption", models.CharField(blank=True, max_length=500)),
                        (
                            "pinned",
                            models.BooleanField(
                                default=False,
                                help_text="A key point: shown in the summary at the top.",
                            ),
                        ),
                        (
                            "correction",
                            models.TextField(
                                blank=True, help_text="The correction note readers see."
                            ),
                        ),
                        ("corrected_at", models.DateTimeField(blank=True, null=True)),
                        ("withdrawn_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="live_posts",
                                to="articles.article",
                            ),
                        ),
                        (
                            "broken_out_to",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="articles.article",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "articles_livepost",
                        "ordering": ["-posted_at", "-pk"],
                        "indexes": [
                            models.Index(
                                fields=["article", "-posted_at", "-id"], name="live_post_order"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="LivePostCredit",
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
                            "role",
                            models.CharField(
                                choices=[
                                    ("reporting", "Reporting"),
                                    ("additional_reporting", "Additional reporting"),
                                    ("writing", "Writing"),
                                    ("translation", "Translation"),
                                    ("editing", "Editing"),
                                    ("photography", "Photography"),
                                    ("compiling", "Compiling"),
                                    ("video", "Video"),
                                    ("graphics", "Graphics"),
                                    ("fact_checking", "Fact-checking"),
                                ],
                                default="reporting",
                                max_length=30,
                            ),
                        ),
                        ("place", models.CharField(blank=True, max_length=100)),
                        ("position", models.PositiveSmallIntegerField(default=0)),
                        (
                            "contributor",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="articles.contributor",
                            ),
                        ),
                        (
                            "post",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="credits",
                                to="live.livepost",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "articles_livepostcredit",
                        "ordering": ["position", "pk"],
                    },
                ),
            ],
        ),
        migrations.RunPython(into_live, back_to_articles),
    ]
