from django.apps import AppConfig


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobs"
    verbose_name = "Background work"

    def ready(self):
        from newsroom import celery, health

        from .backlog import queue_health
        from .failures import record_failure

        # A task that gave up is kept for an admin to see and run again.
        celery.failure_recorders.append(record_failure)
        health.reporters.append(queue_health)
