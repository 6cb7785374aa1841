"""
A cached page: its bytes (the same for every reader: nothing of any one reader's is in
a page rendered for the cache), the headers the whole middleware stack gave it (security
headers included), and the tags it shows with their versions when it was rendered.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from ..languages import outside_language_patterns
from . import purge

PAGE_KEY = "pages:page:{}"
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


def fill_per_reader(name, fill):
    """``fill(argument)`` gives a reader their own value where a page asks ``per_reader``."""
    _fillers[name] = fill


def per_reader(request, name, argument=""):
    """A value each reader must have of their own (as a CSRF token is), for a page.

    Nothing in a page rendered for every reader: their script asks for it (see
    the package's words).
    """
    if getattr(request, "renders_for_page_cache", False):
        return ""
    return _fillers[name](str(argument))


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
    }


def is_current(entry, versions):
    # An entry without "body" was kept by an older release (placeholders in parts): not used.
    return (
        entry is not None
        and "body" in entry
        and all(versions.get(tag) == v for tag, v in entry["tags"].items())
    )


def respond(request, entry, seconds_left, source):
    """The entry as a response for this reader, or a 304 when they have it already."""
    conditional = get_conditional_response(
        request, etag=entry["etag"], last_modified=parse_http_date_safe(entry["modified"])
    )
    if conditional is not None:
        response = conditional
        response["ETag"], response["Last-Modified"] = entry["etag"], entry["modified"]
    else:
        response = HttpResponse(entry["body"], headers=entry["headers"])
        response["ETag"], response["Last-Modified"] = entry["etag"], entry["modified"]
    response["X-Page-Cache"] = source
    patch_vary_headers(response, ["Cookie"])
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
    patch_cache_control(response, private=True, no_cache=True)
    return response
