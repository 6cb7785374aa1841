"""The articles app in the admin, a module per desk: article, workflow, history, translations."""

from . import article, taxonomy

__all__ = ["article", "taxonomy"]
