"""
A cached page: its bytes with a placeholder wherever a reader gets something of
their own (the CSRF token; apps add theirs with ``fill_per_reader`` and
``per_reader``), the headers the whole middleware stack gave it (security
headers included), and the tags it shows with their versions when it was rendered.
"""

import functools
import hashlib
import hmac
import os
import re
import time

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.html import escape
from django.utils.http import http_date, parse_http_date_safe

from ..languages import outside_language_patterns
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
    """A value each reader must have of their own (as a CSRF token is), for a page.

    Nothing in a page rendered for every reader: their script asks for it (see
    the package's words).
    """
    if getattr(request, "renders_for_page_cache", False):
        return ""
    return _fillers[name](str(argument))


@functools.cache
def _pattern(secret_key):
    mark = hmac.new(secret_key.encode(), b"pagecache.per-reader", hashlib.sha256).hexdigest()
    found = rf"({CSRF_PLACEHOLDER})|per-reader-{mark[:20]}:([a-z-]+):([\w-]*):"
    return mark[:20], re.compile(found.encode())


def _mark():
    return _pattern(settings.SECRET_KEY)[0]


def split(body):
    """The body as [text, (name, argument), text, …]: what a reader gets is filled in between."""
    parts, start = [], 0
    for match in _pattern(settings.SECRET_KEY)[1].finditer(body):
        parts.append(body[start : match.start()])
        if match.group(1):
            parts.append(("csrf", ""))
        else:
            parts.append((match.group(2).decode(), match.group(3).decode()))
        start = match.end()
    parts.append(body[start:])
    return parts


def fill(request, parts):
    """The page for this reader: their CSRF token and their own values filled in."""
    values, out = {}, []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            out.append(part)
            continue
        if part not in values:
            name, argument = part
            if name == "csrf":
                values[part] = reader_csrf_token(request)
            elif name in _fillers:
                values[part] = escape(_fillers[name](argument))
            else:  # no app fills it in (any more): leave it as it was
                values[part] = f"per-reader-{_mark()}:{name}:{argument}:"
        out.append(values[part].encode())
    return b"".join(out)


_INDEX = {char: number for number, char in enumerate(CSRF_ALLOWED_CHARS)}


def _random_string(length=CSRF_SECRET_LENGTH):
    # Letters and digits from one read of the system's randomness, none likelier than
    # another (bytes from 248 up are dropped: 248 is the largest multiple of 62 below 256).
    chars, found = CSRF_ALLOWED_CHARS, []
    while len(found) < length:
        found += [chars[byte % len(chars)] for byte in os.urandom(2 * length) if byte < 248]
    return "".join(found[:length])


def reader_csrf_token(request):
    """What django.middleware.csrf.get_token() gives, with the randomness read at once.

    The reader's secret comes from their cookie (or is new, and the cookie is set by
    the CSRF middleware's process_response); the token is the secret masked afresh,
    as Django masks it, so a page never repeats a token.
    """
    _csrf.process_request(request)
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = request.META["CSRF_COOKIE"] = _random_string()
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask, chars = _random_string(), CSRF_ALLOWED_CHARS
    cipher = "".join(
        chars[(_INDEX[s] + _INDEX[m]) % len(chars)] for s, m in zip(secret, mask, strict=True)
    )
    return mask + cipher


def page_key(request):
    address = "|".join(
        [
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            _language(request),
        ]
    )
    return PAGE_KEY.format(hashlib.sha256(address.encode()).hexdigest())


def _language(request):
    """The language LocaleMiddleware will pick for this request, read before it runs."""
    return _language_for(
        request.path_info.split("/", 2)[1] if request.path_info.count("/") > 1 else "",
        outside_language_patterns(request.path_info),
        request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""),
        request.META.get("HTTP_ACCEPT_LANGUAGE", ""),
    )


@functools.lru_cache(maxsize=1_000)
def _language_for(first_segment, outside, cookie, accept):
    from django.conf.urls.i18n import is_language_prefix_patterns_used
    from django.http import HttpRequest

    # As LocaleMiddleware does: with language-prefixed addresses and none for the
    # default language, an address without a prefix is in the default language.
    prefixed, default_prefixed = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    from_path = translation.get_language_from_path(f"/{first_segment}/")
    if prefixed and not default_prefixed and not from_path and not outside:
        return settings.LANGUAGE_CODE
    request = HttpRequest()
    request.path_info = f"/{first_segment}/"
    request.COOKIES = {settings.LANGUAGE_COOKIE_NAME: cookie} if cookie else {}
    request.META["HTTP_ACCEPT_LANGUAGE"] = accept
    return translation.get_language_from_request(request, check_path=not outside)


def make_entry(response, versions):
    body = response.content
    parts = split(body)
    headers = {name: value for name, value in response.items() if name.lower() not in NOT_KEPT}
    surrogate = " ".join(sorted(versions))
    headers["Surrogate-Key"] = surrogate
    headers["Cache-Tag"] = surrogate.replace(" ", ",")
    return {
        "parts": parts,
        "headers": headers,
        "tags": versions,
        "etag": f'"{hashlib.sha256(body).hexdigest()[:32]}"',
        "modified": http_date(time.time()),
        "personal": len(parts) > 1,
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
        response = HttpResponse(fill(request, entry["parts"]), headers=entry["headers"])
        response["ETag"], response["Last-Modified"] = entry["etag"], entry["modified"]
    response["X-Page-Cache"] = source
    patch_vary_headers(response, ["Cookie"])
    if entry["personal"]:
        # Each reader's copy carries their own token: browsers may keep it, CDNs may not.
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
        _csrf.process_response(request, response)
    else:
        shared_for = settings.PAGE_CACHE_SECONDS if purge.is_on() else settings.CDN_CACHE_SECONDS
        stale = {"stale_while_revalidate": settings.EDGE_STALE_WHILE_REVALIDATE}
        if seconds_left is not None and seconds_left <= shared_for:
            # Something changes by the clock then (a release, an embargo's end): the old
            # copy must not be served past it, not even while the new one is fetched.
            shared_for, stale = seconds_left, {}
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=shared_for,
            stale_if_error=settings.EDGE_STALE_IF_ERROR,
            **stale,
        )
    return response


def respond_unshared(request, response):
    """A page that changed the reader's state, or an error: theirs alone."""
    if not response.streaming:
        response.content = fill(request, split(response.content))
    patch_cache_control(response, private=True, no_cache=True)
    _csrf.process_response(request, response)
    return response
