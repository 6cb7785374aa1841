from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Moderators", "Editors"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="comments", codename="view_confirmation")
    for name in GROUPS:
        Group.objects.get_or_create(name=name)[0].permissions.add(view)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(
        content_type__app_label="comments", codename="view_confirmation"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*view)


class Migration(migrations.Migration):
    dependencies = [("comments", "0005_address_confirmations")]

    operations = [migrations.RunPython(grant, revoke)]
