"""The articles app in the admin, a module per desk: article, workflow, history, translations,
the media library and the front page."""

from . import article, frontpage, media, taxonomy

__all__ = ["article", "frontpage", "media", "taxonomy"]
