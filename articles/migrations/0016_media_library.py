import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import library.models

# Frozen here on purpose: a migration must not change when the code does.
LIBRARY_PERMISSIONS = {
    "Reporters": ["view_libraryimage", "add_libraryimage", "change_libraryimage"],
    "Translators": ["view_libraryimage", "add_libraryimage", "change_libraryimage"],
    "Editors": [
        "view_libraryimage",
        "add_libraryimage",
        "change_libraryimage",
        "delete_libraryimage",
    ],
}


def into_library(apps, schema_editor):
    """Each article's lead image becomes a library image, with its caption, alt text and
    credit; stories sharing one file (translations) share one library image. The file
    stays where it is, so no address changes. The photographer is the story's one
    photography credit, when it has exactly one."""
    Article = apps.get_model("articles", "Article")
    LibraryImage = apps.get_model("articles", "LibraryImage")
    Credit = apps.get_model("articles", "Credit")
    made = {}
    for article in Article.objects.exclude(lead_image="").order_by("pk").iterator():
        name = article.lead_image.name
        if name not in made:
            photographers = list(
                Credit.objects.filter(article=article, role="photography").values_list(
                    "contributor_id", flat=True
                )
            )
            made[name] = LibraryImage.objects.create(
                file=name,
                caption=article.lead_image_caption,
                alt_text=article.lead_image_alt
                or article.lead_image_caption[:250]
                or article.headline[:250],
                credit=article.lead_image_credit,
                photographer_id=photographers[0] if len(photographers) == 1 else None,
                uploaded_at=article.created_at,
                uploaded_by_id=article.created_by_id,
            )
        Article.objects.filter(pk=article.pk).update(lead_picture=made[name])


def out_of_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.exclude(lead_picture=None).select_related("lead_picture"):
        image = article.lead_picture
        Article.objects.filter(pk=article.pk).update(
            lead_image=image.file.name,
            lead_image_caption=image.caption,
            lead_image_alt=image.alt_text,
            lead_image_credit=image.credit,
        )


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in LIBRARY_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="articles", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_live_coverage"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="LibraryImage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "file",
                    models.ImageField(
                        upload_to=library.models.library_image_path, verbose_name="picture"
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
                "ordering": ["-uploaded_at", "-pk"],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="lead_picture",
            field=models.ForeignKey(
                blank=True,
                help_text="A picture from the media library; its caption, alt text and photographer go with it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="lead_of",
                to="articles.libraryimage",
            ),
        ),
        migrations.RunPython(into_library, out_of_library),
        migrations.RemoveField(model_name="article", name="lead_image"),
        migrations.RemoveField(model_name="article", name="lead_image_caption"),
        migrations.RemoveField(model_name="article", name="lead_image_alt"),
        migrations.RemoveField(model_name="article", name="lead_image_credit"),
        migrations.RenameField(
            model_name="article", old_name="lead_picture", new_name="lead_image"
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
