"""
Whole-page cache for anonymous readers that is never stale.

Every cached page is stored under the current *content generation*. Any change
readers could notice (an article published, edited, corrected or withdrawn, a
comment approved or removed, ...) starts a new generation once its transaction
commits, so every page and feed is rendered afresh on its next request, on every
server sharing the cache. Scheduled changes happen without any write: a
generation also ends at the next moment a story is released (publish time or
embargo) or its comments close, whichever comes first.

Readers who are signed in, or who carry a session (a commenter who sees their own
waiting comment) or a message, are never served a cached page and never have
theirs cached; their responses are ``private, no-store``.

A cached page holds a placeholder where a form's CSRF token goes, and where any
other value each reader must have of their own goes (an app registers it with
``fill_per_reader`` and renders it with ``per_reader``); each reader gets their own
values filled in, and such a page is ``private`` to shared caches.
Pages without a form are ``public`` with a short ``s-maxage`` for a CDN. Every
cached page answers ``If-None-Match`` and ``If-Modified-Since`` with 304.

``PAGE_CACHE_SECONDS=0`` turns the cache off (the headers for readers stay).

This module knows no app: each app says, in its ``AppConfig.ready()``, which of
its models readers see (``watch``) and what changes by itself at a known time
(``watch_schedule``).
"""

import functools
import hashlib
import hmac
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.html import escape
from django.utils.http import http_date, parse_http_date_safe

STATE_KEY = "pages:generation"
PAGE_KEY = "pages:page:{generation}:{digest}"
# What the {% csrf_token %} of a page rendered for the cache says until it is served.
CSRF_PLACEHOLDER = "csrf-token-filled-in-for-each-reader"
# What ``per_reader()`` leaves in a page rendered for the cache, filled in when it is
# served. The mark comes from the secret key, so no text a reader types can pass for one.
PER_READER_PLACEHOLDER = "per-reader-{mark}:{name}:{argument}:"
# Headers a view sets that belong to the page itself (the rest come from middleware).
KEPT_HEADERS = ("Content-Type", "Content-Language", "Last-Modified", "X-Robots-Tag")


@dataclass(frozen=True)
class Generation:
    token: str
    ends_at: float | None  # epoch seconds of the next scheduled change, or None

    def seconds_left(self, now):
        return None if self.ends_at is None else max(0, int(self.ends_at - now))


# Functions answering "when does something readers see next change by itself?"
_schedules = []


def watch(model, changes_pages=None):
    """Readers see this model's rows: saving or deleting one starts a new generation.

    ``changes_pages(instance, created)``, when given, may answer that a save
    shows to nobody whose pages are cached.
    """

    def saved(sender, instance, created, **kwargs):
        if changes_pages is None or changes_pages(instance, created):
            content_changed()

    label = model._meta.label
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"pagecache-save-{label}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-delete-{label}")


def watch_schedule(next_change):
    """``next_change()`` returns when readers next see a change without any write, or None."""
    if next_change not in _schedules:
        _schedules.append(next_change)


def next_scheduled_change():
    """The soonest of the watched scheduled changes, as epoch seconds, or None."""
    moments = [moment for moment in (when() for when in _schedules) if moment is not None]
    return min(moments).timestamp() if moments else None


# Per-reader values by name: fill(argument) gives the value for the reader being served.
_fillers = {}


@functools.cache
def _per_reader_pattern(secret_key):
    mark = hmac.new(secret_key.encode(), b"pagecache.per-reader", hashlib.sha256).hexdigest()
    return mark[:20], re.compile(rf"per-reader-{mark[:20]}:([a-z-]+):([\w-]*):".encode())


def _per_reader_mark():
    return _per_reader_pattern(settings.SECRET_KEY)[0]


def _per_reader_placeholders():
    return _per_reader_pattern(settings.SECRET_KEY)[1]


def fill_per_reader(name, fill):
    """``fill(argument)`` gives each reader their own value where ``per_reader`` put one."""
    _fillers[name] = fill


def per_reader(request, name, argument=""):
    """A value each reader must have of their own (as a CSRF token is), for a page."""
    if getattr(request, "renders_for_page_cache", False):
        return PER_READER_PLACEHOLDER.format(mark=_per_reader_mark(), name=name, argument=argument)
    return _fillers[name](str(argument))


def _now():
    # The site's clock, the one Article.objects.published() reads.
    return timezone.now().timestamp()


# The generation this process saw last: a guess that lets one cache read fetch
# both the current generation and the page stored under the guess.
_last_seen = {"token": None}


def _still_current(generation):
    return generation is not None and (generation.ends_at is None or _now() < generation.ends_at)


_UNREAD = object()


def current_generation(stored=_UNREAD):
    generation = cache.get(STATE_KEY) if stored is _UNREAD else stored
    if not _still_current(generation):
        generation = Generation(uuid.uuid4().hex, next_scheduled_change())
        cache.set(STATE_KEY, generation, None)
    _last_seen["token"] = generation.token
    return generation


def _generation_and_entry(request):
    """The current generation and this page's entry under it, in one read when we can."""
    guess = _last_seen["token"]
    guessed_key = _page_key(request, guess) if guess else None
    found = cache.get_many([STATE_KEY, guessed_key] if guessed_key else [STATE_KEY])
    generation = current_generation(found.get(STATE_KEY))
    if generation.token == guess:
        return generation, found.get(guessed_key)
    return generation, cache.get(_page_key(request, generation.token))


def content_changed(**kwargs):
    """Start a new generation now and again when the transaction commits.

    Also a signal receiver. The second time matters: a reader may have cached
    the old content under the generation started before the commit.
    """
    cache.delete(STATE_KEY)
    transaction.on_commit(lambda: cache.delete(STATE_KEY), robust=True)


def is_personal(request):
    """Requests that may see something of their own: sessions, messages, staff."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def public_page(view):
    """Cache a public view's GET responses for anonymous readers (see the module's words)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if is_personal(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_store=True)
            return response
        return _serve_anonymous(view, request, args, kwargs)

    return wrapper


def _serve_anonymous(view, request, args, kwargs):
    enabled = settings.PAGE_CACHE_SECONDS > 0
    generation, entry = _generation_and_entry(request) if enabled else (None, None)
    key = _page_key(request, generation.token) if enabled else None
    if entry is None:
        request.renders_for_page_cache = True
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code != 200 or response.streaming or _touched_state(request):
            return _finish(request, response, None)
        entry = _entry(response)
        if enabled and request.method == "GET":
            timeout = settings.PAGE_CACHE_SECONDS
            left = generation.seconds_left(_now())
            cache.set(key, entry, timeout if left is None else min(timeout, left))
    else:
        response = None
    return _finish(request, response, entry, generation)


def _touched_state(request):
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return bool(
        (session is not None and session.modified)
        or (messages is not None and getattr(messages, "added_new", False))
    )


def _entry(response):
    body = response.content
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    headers.setdefault("Last-Modified", http_date())
    headers["ETag"] = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    return {"body": body, "headers": headers}


def _finish(request, response, entry, generation=None):
    if entry is None:  # an error or a page that changed the reader's state: not shared
        if not response.streaming:
            response.content = _fill_per_reader(request, response.content)
        patch_cache_control(response, private=True, no_cache=True)
        return response
    conditional = get_conditional_response(
        request,
        etag=entry["headers"]["ETag"],
        last_modified=parse_http_date_safe(entry["headers"]["Last-Modified"]),
    )
    if conditional is not None:
        response = conditional
        for name, value in entry["headers"].items():
            if name in ("ETag", "Last-Modified"):
                response[name] = value
    else:
        response = HttpResponse(_fill_per_reader(request, entry["body"]), headers=entry["headers"])
    patch_vary_headers(response, ["Cookie"])
    if _holds_per_reader_values(entry["body"]):
        # Each reader's copy carries their own values: browsers may keep it, CDNs may not.
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
    else:
        shared_for = settings.CDN_CACHE_SECONDS
        if generation is not None:
            left = generation.seconds_left(_now())
            shared_for = shared_for if left is None else min(shared_for, left)
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=shared_for, must_revalidate=True
        )
    return response


def _holds_per_reader_values(body):
    return CSRF_PLACEHOLDER.encode() in body or bool(_per_reader_placeholders().search(body))


def _fill_per_reader(request, body):
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder in body:
        # get_token() also has the CSRF middleware set this reader's cookie.
        body = body.replace(placeholder, get_token(request).encode())

    def fill(match):
        name, argument = match.group(1).decode(), match.group(2).decode()
        if name not in _fillers:
            return match.group(0)
        return escape(_fillers[name](argument)).encode()

    return _per_reader_placeholders().sub(fill, body)


def _page_key(request, generation_token):
    address = "|".join(
        [
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            translation.get_language() or "",
        ]
    )
    digest = hashlib.sha256(address.encode()).hexdigest()
    return PAGE_KEY.format(generation=generation_token, digest=digest)


def csrf_placeholder(request):
    """Context processor: pages rendered for the cache hold a placeholder, not a token."""
    if getattr(request, "renders_for_page_cache", False):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}
