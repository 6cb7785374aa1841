from django.apps import AppConfig


class WireConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "wire"
    verbose_name = "Wire ingest and ninjs exchange"

    def ready(self):
        from newsroom import pagecache

        from .ninjs3 import VERSION_PARAMETER

        # ninjs 3.x is its own page of a story's ninjs (?version=3).
        pagecache.reads_parameters(VERSION_PARAMETER)
