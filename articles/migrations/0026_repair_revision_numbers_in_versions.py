"""Versions of stories saved by a substantive update, a correction or a wire update held
the expression that counted the revision (``"F(revision) + Value(1)"``) instead of its
number, and could not be opened, compared or restored. Each gets its number back: one
more than the story's version before it (the count moves by one at such a save), or, with
no earlier number to go by, none at all (a version without it loads with the default)."""

import json

from django.db import migrations


def story_versions(apps):
    """The stored versions of stories, oldest first, as (version, its fields)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    content_type = ContentType.objects.filter(app_label="articles", model="article").first()
    if content_type is None:
        return
    versions = Version.objects.filter(content_type=content_type, format="json")
    for version in versions.order_by("object_id", "pk").iterator():
        yield version, json.loads(version.serialized_data)


def repair_revision_numbers(apps, schema_editor):
    last_number = {}
    for version, data in story_versions(apps):
        fields = data[0]["fields"] if data else {}
        number = fields.get("revision")
        known = last_number.get(version.object_id)
        if isinstance(number, int):
            last_number[version.object_id] = number
            continue
        if "revision" not in fields:
            continue
        if known is None:
            del fields["revision"]
        else:
            fields["revision"] = last_number[version.object_id] = known + 1
        version.serialized_data = json.dumps(data)
        version.save(update_fields=["serialized_data"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0025_release_moment"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.RunPython(repair_revision_numbers, migrations.RunPython.noop, elidable=True),
    ]
