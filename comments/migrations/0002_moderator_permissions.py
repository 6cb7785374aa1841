from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here on purpose: a migration must not change when the code does.
MODERATION = [
    "comments.view_comment",
    "comments.moderate_comment",
    "comments.view_report",
    "comments.view_moderationlog",
    "comments.view_bannedword",
    "comments.add_bannedword",
    "comments.change_bannedword",
    "comments.delete_bannedword",
    "comments.view_bannedcommenter",
    "comments.add_bannedcommenter",
    "comments.change_bannedcommenter",
    "comments.delete_bannedcommenter",
]
ROLE_PERMISSIONS = {
    "Moderators": MODERATION,
    "Editors": MODERATION + ["comments.delete_comment"],
}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="comments"))


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_roles_and_credit_styles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
