"""
A cached page: its bytes with a placeholder wherever a reader gets something of
their own (the CSRF token; apps add theirs with ``fill_per_reader`` and
``per_reader``), the headers the whole middleware stack gave it (security
headers included), and the tags it shows with their versions when it was rendered.
"""

import functools
import hashlib
import hmac
import re
import time

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.html import escape
from django.utils.http import http_date, parse_http_date_safe

from . import purge

PAGE_KEY = "pages:page:{}"
# What the {% csrf_token %} of a page rendered for the cache says until it is served.
CSRF_PLACEHOLDER = "csrf-token-filled-in-for-each-reader"
# What ``per_reader()`` leaves in a page rendered for the cache, filled in when it is
# served. The mark comes from the secret key, so no text a reader types can pass for one.
PER_READER_PLACEHOLDER = "per-reader-{mark}:{name}:{argument}:"
# Headers that belong to one response, never to the page.
NOT_KEPT = {
    "set-cookie",
    "content-length",
    "date",
    "cache-control",
    "expires",
    "etag",
    "last-modified",
    "x-page-cache",
}

# Per-reader values by name: fill(argument) gives the value for the reader being served.
_fillers = {}
_csrf = CsrfViewMiddleware(lambda request: None)


def fill_per_reader(name, fill):
    """``fill(argument)`` gives each reader their own value where ``per_reader`` put one."""
    _fillers[name] = fill


def per_reader(request, name, argument=""):
    """A value each reader must have of their own (as a CSRF token is), for a page."""
    if getattr(request, "renders_for_page_cache", False):
        return PER_READER_PLACEHOLDER.format(mark=_mark(), name=name, argument=argument)
    return _fillers[name](str(argument))


@functools.cache
def _pattern(secret_key):
    mark = hmac.new(secret_key.encode(), b"pagecache.per-reader", hashlib.sha256).hexdigest()
    return mark[:20], re.compile(rf"per-reader-{mark[:20]}:([a-z-]+):([\w-]*):".encode())


def _mark():
    return _pattern(settings.SECRET_KEY)[0]


def _placeholders():
    return _pattern(settings.SECRET_KEY)[1]


def holds_per_reader_values(body):
    return CSRF_PLACEHOLDER.encode() in body or bool(_placeholders().search(body))


def page_key(request):
    address = "|".join(
        [
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            translation.get_language_from_request(request, check_path=True),
        ]
    )
    return PAGE_KEY.format(hashlib.sha256(address.encode()).hexdigest())


def make_entry(response, versions):
    body = response.content
    headers = {name: value for name, value in response.items() if name.lower() not in NOT_KEPT}
    surrogate = " ".join(sorted(versions))
    headers["Surrogate-Key"] = surrogate
    headers["Cache-Tag"] = surrogate.replace(" ", ",")
    return {
        "body": body,
        "headers": headers,
        "tags": versions,
        "etag": f'"{hashlib.sha256(body).hexdigest()[:32]}"',
        "modified": http_date(time.time()),
        "personal": holds_per_reader_values(body),
    }


def is_current(entry, versions):
    return entry is not None and all(versions.get(tag) == v for tag, v in entry["tags"].items())


def respond(request, entry, seconds_left, source):
    """The entry as a response for this reader, or a 304 when they have it already."""
    conditional = get_conditional_response(
        request, etag=entry["etag"], last_modified=parse_http_date_safe(entry["modified"])
    )
    if conditional is not None:
        response = conditional
        response["ETag"], response["Last-Modified"] = entry["etag"], entry["modified"]
    else:
        response = HttpResponse(fill(request, entry["body"]), headers=entry["headers"])
        response["ETag"], response["Last-Modified"] = entry["etag"], entry["modified"]
    response["X-Page-Cache"] = source
    patch_vary_headers(response, ["Cookie"])
    if entry["personal"]:
        # Each reader's copy carries their own token: browsers may keep it, CDNs may not.
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
        _csrf.process_response(request, response)
    else:
        shared_for = settings.PAGE_CACHE_SECONDS if purge.is_on() else settings.CDN_CACHE_SECONDS
        if seconds_left is not None:
            shared_for = min(shared_for, seconds_left)
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=shared_for, must_revalidate=True
        )
    return response


def respond_unshared(request, response):
    """A page that changed the reader's state, or an error: theirs alone."""
    if not response.streaming:
        response.content = fill(request, response.content)
    patch_cache_control(response, private=True, no_cache=True)
    _csrf.process_response(request, response)
    return response


def fill(request, body):
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder in body:
        _csrf.process_request(request)  # this reader's CSRF cookie, as the middleware reads it
        body = body.replace(placeholder, get_token(request).encode())

    def fill_one(match):
        name, argument = match.group(1).decode(), match.group(2).decode()
        if name not in _fillers:
            return match.group(0)
        return escape(_fillers[name](argument)).encode()

    return _placeholders().sub(fill_one, body)
