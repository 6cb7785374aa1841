"""
Whole pages for anonymous readers, never stale, each ended only by a change to
something it shows.

A page rendered for the cache collects *tags* naming what it shows (an article,
the list of a section's stories, the site's navigation …) and is stored with
their versions. A change renews the versions of its tags when its transaction
commits, on every server sharing the cache, so exactly the pages showing it are
rendered afresh on their next request; the others stay cached. What changes by
itself (a story released at its publish time or when an embargo lifts, comments
closing) is renewed by the first request after its moment (schedule.py).

With Redis, each process also keeps copies of the pages it served lately and answers
from them without a trip to Redis, for as long as Redis tells it of every write to a
tag's version or to the schedule (local.py, tracking.py).

Readers who are signed in, or who carry a session or a message, are never served a
cached page and never have theirs cached; their responses are ``private, no-store``.

A page rendered for anonymous readers is the same bytes for all of them, so that an
edge cache may keep it: it carries no CSRF token and no value of any one reader's
(``per_reader`` gives nothing there; a form's script fetches what its reader needs
when they start writing). Such pages are ``public`` with an ``s-maxage``, and carry
their tags in ``Surrogate-Key`` and ``Cache-Tag`` so an edge told of changes
(purge.py) may keep them longer. Every cached page answers ``If-None-Match`` and
``If-Modified-Since`` with 304.

This package knows no app: each app says, in its ``AppConfig.ready()``, which
of its models readers see (``watch``) and what changes by itself at a known time
(``watch_schedule``). ``PAGE_CACHE_SECONDS=0`` turns the cache off (the headers
for readers stay).
"""

from .entries import fill_per_reader, per_reader
from .fragments import kept
from .middleware import PageCacheMiddleware, is_personal, public_page, sent_query
from .registry import reads_parameters, shown_so_far, shows, watch
from .schedule import watch_schedule
from .tags import SITE, keyed_tag, renew, tag

__all__ = [
    "SITE",
    "PageCacheMiddleware",
    "no_token_in_shared_pages",
    "is_personal",
    "keyed_tag",
    "kept",
    "fill_per_reader",
    "per_reader",
    "public_page",
    "reads_parameters",
    "renew",
    "sent_query",
    "shown_so_far",
    "shows",
    "tag",
    "watch",
    "watch_schedule",
]


def no_token_in_shared_pages(request):
    """Context processor: pages rendered for every reader hold no token of one reader's."""
    if getattr(request, "renders_for_page_cache", False):
        return {"csrf_token": ""}
    return {}
