"""Counting posts per address in the shared cache, so every server sees the same counts."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _key(kind, value):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value.strip().lower()}".encode()).hexdigest()
    return f"comments:rate:{kind}:{digest}"


def is_limited(kind, value, limit):
    """Whether this address already used up its posts in the current window."""
    if not value or not limit:
        return False
    return cache.get(_key(kind, value), 0) >= limit


def count(kind, value):
    if not value:
        return
    key = _key(kind, value)
    # add() starts the window only once; incr() keeps its expiry.
    cache.add(key, 0, timeout=settings.COMMENTS_RATE_WINDOW)
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=settings.COMMENTS_RATE_WINDOW)
