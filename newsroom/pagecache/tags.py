"""
Tags: what a cached page shows, each with a version that a change renews.

A page stores the version of every tag it showed; it is good while they are all
unchanged. A change renews its tags' versions when its transaction commits, on
every server sharing the cache, and tells a CDN (see purge.py). The *epoch*
counts renewals, and each version carries the epoch it was made in: a page
rendered while one of its own tags was renewed is not stored, since it may have
read the old data and the new version. Renewals of other tags do not matter, so
a busy desk editing other stories never keeps a page out of the cache.
"""

import logging
import re
import time
import uuid

from django.core.cache import cache
from django.db import transaction

from .tasks import purge_later

logger = logging.getLogger(__name__)

TAG_KEY = "pages:tag:{}"
EPOCH_KEY = "pages:epoch"

# The vocabulary: every kind of tag, defined once by the app whose data it names
# (``tag("articles")``, ``keyed_tag("article-{}")``). Pages and the changes that end them
# both spell tags through it, so a page is never kept under a tag no change renews.
_kinds = []
_known = re.compile("(?!)")


def tag(name):
    """A tag with one meaning site-wide ("articles": every list of stories); returns it."""
    _define(re.escape(name))
    return name


def keyed_tag(pattern):
    """A tag per object, ``pattern`` with ``{}`` where its key goes; returns what makes one:
    ``story = keyed_tag("article-{}")``, ``story(12)`` is ``"article-12"``."""
    if pattern.count("{}") != 1:
        raise ValueError(f"A keyed tag has one {{}} for its key, not {pattern!r}.")
    _define(re.escape(pattern).replace(re.escape("{}"), r"\d+"))
    return pattern.format


def _define(expression):
    global _known
    if expression not in _kinds:
        _kinds.append(expression)
        _known = re.compile("|".join(f"(?:{kind})" for kind in _kinds))


def kind_of(tag):
    """The word of the vocabulary ``tag`` is one of (its pattern), or None."""
    return next((kind for kind in _kinds if re.fullmatch(kind, tag)), None)


def unknown(tags):
    """Those of ``tags`` that are not words of the vocabulary (a typo: nothing renews them)."""
    return sorted(tag for tag in tags if not _known.fullmatch(tag))


def may_keep(what, tags):
    """Whether something showing ``tags`` may be kept; an unknown tag is logged as the bug it
    is, and what shows it is not kept, so it is never stale."""
    if strays := unknown(tags):
        logger.error("%s shows tags no change renews (%s): not kept.", what, ", ".join(strays))
        return False
    return True


# Shown on every page (navigation, credit styles): a change here ends them all.
SITE = tag("site")


def tag_key(tag):
    return TAG_KEY.format(tag)


def current(tags, found=None):
    """{tag: version} now; tags without a version get one, so that losing it later shows."""
    keys = {tag: tag_key(tag) for tag in tags}
    found = found if found is not None else cache.get_many(list(keys.values()))
    versions = {tag: found.get(key) for tag, key in keys.items()}
    for tag, version in versions.items():
        if version is None:
            new = _version(0)  # nothing changed: a page already rendered may keep it
            versions[tag] = new if cache.add(keys[tag], new, None) else cache.get(keys[tag])
    return versions


def current_after(tags, read):
    """{tag: version} for something worked out after ``read`` ({tag: version}) was read:
    the versions read then where there were some, the current ones for the others.

    A version read before the work is the one to keep it under: a change meanwhile has
    a newer one, which ends what was kept; one read after may be newer than the data.
    """
    known = {tag: read[tag] for tag in tags if read.get(tag) is not None}
    rest = [tag for tag in tags if tag not in known]
    return {**known, **current(rest)} if rest else known


def epoch():
    value = cache.get(EPOCH_KEY)
    if value is None:
        cache.add(EPOCH_KEY, _fresh_epoch(), None)
        value = cache.get(EPOCH_KEY, 0)
    return value


def renewed_after(versions, seen_epoch):
    """Whether any of ``versions`` was made after the epoch ``seen_epoch`` was read."""
    return any(_made_in(version) > seen_epoch for version in versions.values())


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
    # The epoch moves first: a render that read it later reads the data after this change.
    made_in = _next_epoch()
    cache.set_many({tag_key(tag): _version(made_in) for tag in tags}, None)


def _next_epoch():
    try:
        return cache.incr(EPOCH_KEY)
    except ValueError:  # no epoch yet, or it was evicted: start above any count so far
        value = _fresh_epoch()
        cache.set(EPOCH_KEY, value, None)
        return value


def _fresh_epoch():
    # Milliseconds since 1970: larger than the renewals counted since an earlier start.
    return int(time.time() * 1000)


def _version(made_in):
    return f"{uuid.uuid4().hex[:16]}.{made_in}"


def _made_in(version):
    stamp = str(version).rpartition(".")[2] if version else ""
    return int(stamp) if stamp.isdigit() else 0
