from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo newsroom (``manage.py load_demo``): above every other app, using them all."""

    name = "demo"
    verbose_name = "Demo newsroom"
