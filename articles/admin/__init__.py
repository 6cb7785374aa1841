"""The articles app in the admin, a module per desk: article, workflow, history, translations,
the media library."""

from . import article, media, taxonomy

__all__ = ["article", "media", "taxonomy"]
