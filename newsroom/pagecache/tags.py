"""
Tags: what a cached page shows, each with a version that a change renews.

A page stores the version of every tag it showed; it is good while they are all
unchanged. A change renews its tags' versions when its transaction commits, on
every server sharing the cache, and tells a CDN (see purge.py). The *epoch*
counts renewals: a page rendered while one happened is not stored, since it may
have read the old data and the new versions.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

from .tasks import purge_later

TAG_KEY = "pages:tag:{}"
EPOCH_KEY = "pages:epoch"
# Shown on every page (navigation, credit styles): a change here ends them all.
SITE = "site"


def tag_key(tag):
    return TAG_KEY.format(tag)


def current(tags, found=None):
    """{tag: version} now; tags without a version get one, so that losing it later shows."""
    keys = {tag: tag_key(tag) for tag in tags}
    found = found if found is not None else cache.get_many(list(keys.values()))
    versions = {tag: found.get(key) for tag, key in keys.items()}
    for tag, version in versions.items():
        if version is None:
            new = uuid.uuid4().hex[:16]
            versions[tag] = new if cache.add(keys[tag], new, None) else cache.get(keys[tag])
    return versions


def epoch():
    value = cache.get(EPOCH_KEY)
    if value is None:
        cache.add(EPOCH_KEY, 0, None)
        value = cache.get(EPOCH_KEY, 0)
    return value


def renew(tags):
    """End every cached page showing any of ``tags``, now and when the transaction commits.

    The second time matters: a page rendered meanwhile from the data before the
    commit would otherwise be kept under the new versions.
    """
    tags = sorted(set(tags))
    if tags:
        _new_versions(tags)
        transaction.on_commit(lambda: renew_now(tags), robust=True)


def renew_now(tags):
    _new_versions(tags)
    purge_later(tags)


def _new_versions(tags):
    cache.set_many({tag_key(tag): uuid.uuid4().hex[:16] for tag in tags}, None)
    try:
        cache.incr(EPOCH_KEY)
    except ValueError:  # no epoch yet (or it was evicted): any value differs from before
        cache.set(EPOCH_KEY, uuid.uuid4().int % 10**12, None)
