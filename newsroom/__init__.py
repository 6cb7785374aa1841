"""The project package. Celery's application is loaded with Django, so tasks queue from anywhere."""

from .celery import app as celery_app

__all__ = ["celery_app"]
