"""
Telling a CDN in front of the site which pages changed, by the tags each page
carries in its ``Surrogate-Key`` and ``Cache-Tag`` headers.

Off unless ``PAGE_CACHE_PURGE`` is set: ``xkey`` sends Varnish's ``PURGE`` with
an ``xkey-purge`` header to ``CDN_PURGE_URL``; ``fastly`` posts the tags to the
purge-by-key API at ``CDN_PURGE_URL`` with ``CDN_PURGE_TOKEN``; anything else is
the dotted path of a function of the tags. Purges are sent by a background task
(tasks.py), tried again with growing pauses while the CDN fails; meanwhile the CDN
keeps a page no longer than ``s-maxage`` says.
"""

import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string

TIMEOUT_SECONDS = 3


def tags_changed(tags):
    """Tell the CDN; raises when it cannot be told, so the task tries again."""
    backend = settings.PAGE_CACHE_PURGE
    if not backend or not tags:
        return
    if backend == "xkey":
        _send("PURGE", {"xkey-purge": " ".join(tags)})
    elif backend == "fastly":
        _send("POST", {"Surrogate-Key": " ".join(tags), "Fastly-Key": settings.CDN_PURGE_TOKEN})
    else:
        import_string(backend)(tags)


def _send(method, headers):
    request = urllib.request.Request(settings.CDN_PURGE_URL, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        response.read()


def is_on():
    return bool(settings.PAGE_CACHE_PURGE)
