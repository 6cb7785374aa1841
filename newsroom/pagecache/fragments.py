"""
Parts of pages kept between renders, each for as long as everything it shows
keeps its version: what a cache miss need not ask the database again (a story's
other versions, its section's latest stories, its comment threads).

Like a page, a part collects the tags of what it shows while it is worked out,
and names them to the page being rendered, whether it was worked out or kept.

A part costs one cache read: the part and the versions of the tags it showed last
time (remembered by this process) come in one ``get_many``. A part worked out
afresh is stored with those versions, read before it asked the database: a change
meanwhile shows as a new version next time, so nothing old is kept under it.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from . import registry
from . import tags as page_tags
from .guesses import Guesses

FRAGMENT_KEY = "pages:part:{}"
_guesses = Guesses()


def kept(name, tags, compute):
    """``compute()``, or what it gave before, if nothing it showed has changed since."""
    registry.shows(*tags)
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return compute()
    key = FRAGMENT_KEY.format(hashlib.sha256(name.encode()).hexdigest())
    guess = {*tags, *_guesses.get(key)}
    found = cache.get_many([key, page_tags.EPOCH_KEY, *map(page_tags.tag_key, guess)])
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
        cache.set(key, {"value": value, "tags": versions}, settings.FRAGMENT_CACHE_SECONDS)
    return value
