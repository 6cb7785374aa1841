"""
Serving cached pages: a middleware first in the stack answers a hit before any
other middleware runs (no session, auth, messages or template work), and stores
what ``public_page`` views render on a miss, with the headers the whole stack
gave them. When a popular page goes stale, one request renders it again while the
others wait briefly for that render instead of all rendering it.
"""

import functools
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control

from . import entries, fragments, local, registry, schedule
from . import tags as page_tags
from .guesses import Guesses

# Each page's tags as last rendered, so that one cache read fetches the page and them.
_guesses = Guesses()
RENDER_LOCK_SECONDS = 10
POLL_SECONDS = 0.02


def is_personal(request):
    """Requests that may see something of their own: sessions, messages, staff."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped = tuple(p.lstrip("/") for p in (settings.STATIC_URL, settings.MEDIA_URL) if p)

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or is_personal(request):
            return self.get_response(request)
        if request.path_info.lstrip("/").startswith(self.skipped):
            return self.get_response(request)
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return self.get_response(request)  # the security middleware redirects it
        if not _is_public_page(request.path_info):
            return self.get_response(request)  # nothing to look up for other views
        drop_unread_parameters(request)
        lookup = Lookup(request) if settings.PAGE_CACHE_SECONDS > 0 else None
        if lookup is not None and lookup.hit():
            return entries.respond(request, lookup.entry, lookup.seconds_left(), lookup.source)
        request.page_lookup = lookup
        try:
            response = self.get_response(request)
        finally:
            if lookup is not None:
                lookup.unlock()
        return finish(request, response)


def drop_unread_parameters(request):
    """The request as if sent without the query parameters no page reads (``?x=1``,
    ``?utm_source=…``): it is looked up, rendered and kept as the clean address."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    pairs = parse_qsl(query, keep_blank_values=True)
    read = [(name, value) for name, value in pairs if name in registry.read_parameters()]
    if len(read) < len(pairs):
        request.sent_query = request.GET  # for a redirect, which keeps what was sent
        request.META["QUERY_STRING"] = urlencode(read)
        request.GET = QueryDict(request.META["QUERY_STRING"])


def sent_query(request):
    """The query parameters as the reader sent them, those no page reads included."""
    return getattr(request, "sent_query", request.GET)


def _is_public_page(path):
    return _resolves_to_public_page(path, settings.ROOT_URLCONF)


@functools.lru_cache(maxsize=20_000)
def _resolves_to_public_page(path, urlconf):
    # Which view answers an address does not change while the process runs.
    # A language-prefixed address (/fr/…) resolves only while its language is active.
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            match = resolve(path)
    except Resolver404:
        return False
    return getattr(match.func, "is_public_page", False)


def public_page(view, shows=()):
    """Cache a public view's pages for anonymous readers (see the package's words).

    ``shows``: tags every page of the view shows, beyond those it names itself.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if is_personal(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_store=True)
            return response
        request.renders_for_page_cache = True
        with registry.collecting() as shown, fragments.reading_ahead(request.get_full_path()):
            shown.update(shows)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
        request.page_shown = shown
        if not hasattr(request, "page_lookup"):  # the middleware is not in use
            return finish(request, response)
        return response

    wrapper.is_public_page = True
    return wrapper


def finish(request, response):
    shown = getattr(request, "page_shown", None)
    if shown is None:
        return response  # not a public page
    if response.status_code != 200 or response.streaming or _touched_state(request):
        return entries.respond_unshared(request, response)
    if not page_tags.may_keep(f"The page {request.path}", shown):
        return entries.respond_unshared(request, response)
    lookup = getattr(request, "page_lookup", None)
    versions = lookup.versions_after(shown) if lookup is not None else dict.fromkeys(shown)
    entry = entries.make_entry(response, versions)
    if lookup is not None and request.method == "GET":
        lookup.store(entry)
    seconds_left = lookup.seconds_left() if lookup is not None else None
    return entries.respond(request, entry, seconds_left, "miss")


def _touched_state(request):
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return bool(
        (session is not None and session.modified)
        or (messages is not None and getattr(messages, "added_new", False))
    )


class Lookup:
    """This request's page in the cache, and whether it may be served."""

    def __init__(self, request):
        self.entry, self.state, self.usable, self.locked = None, None, True, False
        self.key, self.epoch, self.versions, self.read = None, None, {}, {}
        self.local, self.token, self.source = local.here(), None, "hit"
        try:
            self.key = entries.page_key(request)
            if self.local is not None:
                copy, self.token = self.local.find(self.key)
                if copy is not None:
                    self.entry, self.state, self.source = copy.entry, copy.state, "hit-local"
                    return
            self._read(first=True)
        except (DisallowedHost, DatabaseError):
            # The stack answers: a bad host as any other, no database with a 503 page.
            self.usable = False

    def _read(self, first=False):
        guess = _guesses.get(self.key)
        keys = [schedule.SCHEDULE_KEY, page_tags.EPOCH_KEY, self.key]
        keys += [page_tags.tag_key(tag) for tag in guess]
        found = cache.get_many(keys)
        self.state = found.get(schedule.SCHEDULE_KEY)
        if first:
            self.epoch = found.get(page_tags.EPOCH_KEY)
            if self.epoch is None:
                self.epoch = page_tags.epoch()
        if schedule.is_due(self.state, schedule.now()):
            self.state = schedule.catch_up(self.state)
            if self.state is None:
                self.usable = False  # another process is renewing what the clock changed
                return
            self.epoch = page_tags.epoch()
            found = cache.get_many([self.key, *keys[3:]])
        self.entry = found.get(self.key)
        self.versions = {}
        if self.entry is not None:
            wanted = list(self.entry["tags"])
            missing = [page_tags.tag_key(tag) for tag in wanted if tag not in guess]
            if missing:
                found.update(cache.get_many(missing))
                _guesses.remember(self.key, wanted)
            self.versions = {tag: found.get(page_tags.tag_key(tag)) for tag in wanted}
        # Read before the page renders, if it does: the versions to keep it under.
        self.read = {tag: found.get(page_tags.tag_key(tag)) for tag in {*guess, *self.versions}}

    def versions_after(self, shown):
        """The versions of what a page rendered after this lookup shows (tags.current_after)."""
        return page_tags.current_after(shown, self.read)

    def hit(self):
        if self.source == "hit-local":
            return True
        if not self.usable or self.entry is None:
            return False
        if entries.is_current(self.entry, self.versions):
            self._keep_here()
            return True
        # A page readers asked for before, gone stale: render it once, not once per reader.
        if cache.add(self.key + ":rendering", 1, RENDER_LOCK_SECONDS):
            self.locked = True
            return False
        deadline = time.monotonic() + settings.PAGE_CACHE_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            try:
                self._read()
            except DatabaseError:
                return False
            if self.usable and entries.is_current(self.entry, self.versions):
                self._keep_here()
                return True
            if cache.get(self.key + ":rendering") is None:
                break
        return False

    def unlock(self):
        if self.locked:
            cache.delete(self.key + ":rendering")
            self.locked = False

    def seconds_left(self):
        return schedule.seconds_left(self.state, schedule.now())

    def store(self, entry):
        if not self.usable:
            return
        # Rendered while something it shows changed: it may mix old data and new versions.
        if self.epoch is None or page_tags.renewed_after(entry["tags"], self.epoch):
            return
        _guesses.remember(self.key, entry["tags"])
        cache.set(self.key, entry, settings.PAGE_CACHE_SECONDS)
        self.entry = entry
        self._keep_here()

    def _keep_here(self):
        if self.local is not None:
            self.local.keep(self.token, self.key, self.entry, self.state)
