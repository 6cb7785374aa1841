"""
Parts of pages kept between renders, each for as long as everything it shows
keeps its version: what a cache miss need not ask the database again (a story's
other versions, its section's latest stories, its comment threads).

Like a page, a part collects the tags of what it shows while it is worked out,
and names them to the page being rendered, whether it was worked out or kept.

A page's parts cost one cache read together: the parts a page used last time (as
this process remembers) and the versions of the tags each showed come in one
``get_many`` as the page starts (``reading_ahead``); a part it did not use before
costs one read of its own. A part worked out afresh is stored with those versions,
read before it asked the database: a change meanwhile shows as a new version next
time, so nothing old is kept under it.
"""

import contextlib
import contextvars
import hashlib

from django.conf import settings
from django.core.cache import cache

from . import registry
from . import tags as page_tags
from .guesses import Guesses

FRAGMENT_KEY = "pages:part:{}"
_guesses = Guesses()
# The parts each page used when this process last rendered it.
_parts_of_page = Guesses()
# While a page renders: what was read ahead (key: value, None when absent) and the
# parts it uses.
_ahead = contextvars.ContextVar("parts_read_ahead", default=None)


@contextlib.contextmanager
def reading_ahead(page):
    """Read at once the parts ``page`` used last time and their tags' versions."""
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        yield
        return
    parts = _parts_of_page.get(page)
    keys = {page_tags.EPOCH_KEY, *parts}
    for part in parts:
        keys.update(map(page_tags.tag_key, _guesses.get(part)))
    found = cache.get_many(list(keys)) if parts else {}
    read, used = {key: found.get(key) for key in keys} if parts else {}, []
    token = _ahead.set((read, used))
    try:
        yield
    finally:
        _ahead.reset(token)
        _parts_of_page.remember(page, used)


def _read(key, keys):
    """The values of ``keys`` (the part's own among them), read ahead or now."""
    ahead = _ahead.get()
    if ahead is None:
        return cache.get_many(keys)
    read, used = ahead
    used.append(key)
    found = {k: read[k] for k in keys if read.get(k) is not None}
    if missing := [k for k in keys if k not in read]:
        found.update(cache.get_many(missing))
    return found


def _stored(key, entry):
    ahead = _ahead.get()
    if ahead is not None:
        ahead[0][key] = entry  # used again in this page, it is this one


def kept(name, tags, compute):
    """``compute()``, or what it gave before, if nothing it showed has changed since."""
    registry.shows(*tags)
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return compute()
    key = FRAGMENT_KEY.format(hashlib.sha256(name.encode()).hexdigest())
    guess = {*tags, *_guesses.get(key)}
    found = _read(key, [key, page_tags.EPOCH_KEY, *map(page_tags.tag_key, guess)])
    read_before = {tag: found.get(page_tags.tag_key(tag)) for tag in guess}
    entry = found.get(key)
    if entry is not None:
        if missing := set(entry["tags"]) - guess:  # shows more than last time: read the rest
            more = cache.get_many([page_tags.tag_key(tag) for tag in missing])
            read_before.update({tag: more.get(page_tags.tag_key(tag)) for tag in missing})
        _guesses.remember(key, entry["tags"])
        if all(read_before.get(tag) == version for tag, version in entry["tags"].items()):
            registry.shows(*entry["tags"])
            return entry["value"]
    epoch = found.get(page_tags.EPOCH_KEY)
    if epoch is None:  # read before the work, as the versions are
        epoch = page_tags.epoch()
    with registry.collecting() as shown:
        value = compute()
    shown.update(tags)
    registry.shows(*shown)
    if not page_tags.may_keep(f"The part {name!r}", shown):
        return value
    _guesses.remember(key, shown)
    versions = page_tags.current_after(shown, read_before)
    # Versions read only now (tags it showed for the first time) may be newer than its data.
    if not page_tags.renewed_after(versions, epoch):
        entry = {"value": value, "tags": versions}
        cache.set(key, entry, settings.FRAGMENT_CACHE_SECONDS)
        _stored(key, entry)
    return value
