"""The articles app in the admin, a module per desk: article, workflow, history, translations,
credits, taxonomy and the front page."""

from . import article, frontpage, taxonomy

__all__ = ["article", "frontpage", "taxonomy"]
