"""
Parts of pages kept between renders, each for as long as everything it shows
keeps its version: what a cache miss need not ask the database again (a story's
other versions, its section's latest stories, its comment threads).

Like a page, a part collects the tags of what it shows while it is worked out,
and names them to the page being rendered, whether it was worked out or kept.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from . import registry
from . import tags as page_tags

FRAGMENT_KEY = "pages:part:{}"


def kept(name, tags, compute):
    """``compute()``, or what it gave before, if nothing it showed has changed since."""
    registry.shows(*tags)
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return compute()
    key = FRAGMENT_KEY.format(hashlib.sha256(name.encode()).hexdigest())
    found = cache.get_many([key, page_tags.EPOCH_KEY])
    entry, epoch = found.get(key), found.get(page_tags.EPOCH_KEY)
    if epoch is None:
        epoch = page_tags.epoch()
    if entry is not None:
        current = cache.get_many([page_tags.tag_key(tag) for tag in entry["tags"]])
        if all(current.get(page_tags.tag_key(t)) == v for t, v in entry["tags"].items()):
            registry.shows(*entry["tags"])
            return entry["value"]
    with registry.collecting() as shown:
        value = compute()
    shown.update(tags)
    registry.shows(*shown)
    # Worked out while something it shows changed: it may hold old data under new versions.
    if not page_tags.may_keep(f"The part {name!r}", shown):
        return value
    versions = page_tags.current(shown)
    if not page_tags.renewed_after(versions, epoch):
        cache.set(key, {"value": value, "tags": versions}, settings.FRAGMENT_CACHE_SECONDS)
    return value
