"""The newsroom's periodic jobs, as rows beat reads: editable (or disabled) in the admin."""

from django.db import migrations

# name: (task, every seconds or a daily time "HH:MM", description)
PERIODIC = {
    "Forget commenters' addresses": (
        "comments.tasks.purge_comment_ips",
        "03:30",
        "Forgets the IP addresses of comments and reports older than COMMENTS_IP_RETENTION_DAYS.",
    ),
    "Send waiting mail": (
        "jobs.tasks.drain_outbox",
        60,
        "Sends the outgoing mail that is due: retries, and any whose task was lost.",
    ),
    "Send waiting confirmation links": (
        "comments.tasks.send_waiting_confirmations",
        300,
        "Sends the commenters' confirmation links the mail server could not take at first.",
    ),
    "Import the wire inbox": (
        "wire.tasks.import_wire_inbox",
        10,
        "Imports the files dropped into WIRE_INBOX_DIR (nothing to do while it is unset).",
    ),
}


def create(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    for name, (task, when, description) in PERIODIC.items():
        schedule = {}
        if isinstance(when, int):
            schedule["interval"], _ = IntervalSchedule.objects.get_or_create(
                every=when, period="seconds"
            )
        else:
            hour, minute = when.split(":")
            schedule["crontab"], _ = CrontabSchedule.objects.get_or_create(
                minute=str(int(minute)),
                hour=str(int(hour)),
                day_of_week="*",
                day_of_month="*",
                month_of_year="*",
            )
        PeriodicTask.objects.get_or_create(
            name=name, defaults={"task": task, "description": description, **schedule}
        )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        name__in=list(PERIODIC)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_outbox_and_failed_tasks"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
