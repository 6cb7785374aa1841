"""The articles app in the admin, a module per desk: article, workflow, history, translations,
the front page."""

from . import article, frontpage, taxonomy

__all__ = ["article", "frontpage", "taxonomy"]
