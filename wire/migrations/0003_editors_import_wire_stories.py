from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here on purpose: a migration must not change when the code does.
# Importing wire copy makes stories that may go out at once: the desk's call, editors only.
GROUPS = ["Editors"]
CODENAME = "import_story"


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the group needs this one now.
    app_config = apps.get_app_config("wire")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="wire", codename=CODENAME)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("wire", "0002_wire_versions_and_import_permission"),
        ("articles", "0021_front_page_and_topic_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
