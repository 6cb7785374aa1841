"""
Which language a request is answered in. Public pages choose it by address (English at
the root, French under /fr/); the addresses outside those language-prefixed pages (the
admin, the links mailed to commenters, ninjs) follow the reader's browser, as the whole
site did before.
"""

import functools

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation


@functools.lru_cache(maxsize=20_000)
def outside_language_patterns(path, urlconf=None):
    """Whether an address is answered by a view outside the language-prefixed patterns."""
    for pattern in get_resolver(urlconf or settings.ROOT_URLCONF).url_patterns:
        if isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern):
            continue
        try:
            if pattern.resolve(path.removeprefix("/")) is not None:
                return True
        except Resolver404:
            continue
    return False


class InterfaceLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        if outside_language_patterns(request.path_info):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)
