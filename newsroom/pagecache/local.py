"""
Pages this process found current lately, answered without a trip to Redis.

On a busy server the round trip to the shared cache costs more than all the rest of
a hit. So each process keeps a copy of the pages it served from the shared cache or
stored there, and answers from its copies while it hears of every change that could
end them: Redis tells it of each write to a tag's version or to the schedule
(tracking.py). Before answering, the process reads what it was told since and drops
the copies showing a renewed tag; a flush or a move of the schedule drops them all.
While it cannot trust what it hears (no connection yet, or one that stopped answering)
pages come from the shared cache as before.

Only with Redis as the cache; ``PAGE_CACHE_LOCAL_MB`` bounds each process's copies
(0 turns them off).
"""

import collections
import os
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from . import schedule
from . import tags as page_tags
from .tracking import EVERYTHING, Listener

# What a kept page costs beyond its body (headers, tags, the bookkeeping here).
OVERHEAD_BYTES = 2048
# Changes heard lately, for a copy made while another thread heard them.
HEARD_KEPT = 1000


@dataclass
class Copy:
    entry: dict
    state: dict
    expires: float
    size: int


class Copies:
    """Pages in memory, least recently used first, each dropped by any tag it shows."""

    def __init__(self, max_bytes):
        self.max_bytes, self.size = max_bytes, 0
        self._pages = collections.OrderedDict()
        self._keys_by_tag = {}

    def get(self, key, now):
        page = self._pages.get(key)
        if page is not None and page.expires <= now:
            self.drop(key)
            return None
        if page is not None:
            self._pages.move_to_end(key)
        return page

    def put(self, key, page):
        self.drop(key)
        if page.size > self.max_bytes:
            return
        self._pages[key] = page
        self.size += page.size
        for tag in page.entry["tags"]:
            self._keys_by_tag.setdefault(tag, set()).add(key)
        while self.size > self.max_bytes:
            self.drop(next(iter(self._pages)))

    def drop(self, key):
        page = self._pages.pop(key, None)
        if page is None:
            return
        self.size -= page.size
        for tag in page.entry["tags"]:
            keys = self._keys_by_tag.get(tag)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._keys_by_tag[tag]

    def drop_showing(self, tags):
        for tag in tags:
            for key in list(self._keys_by_tag.get(tag, ())):
                self.drop(key)

    def clear(self):
        self._pages.clear()
        self._keys_by_tag.clear()
        self.size = 0

    def __len__(self):
        return len(self._pages)


class LocalPages:
    """This process's copies and the connection that tells it what ended them."""

    def __init__(self, url, key_of, max_bytes):
        self.tag_prefix = key_of(page_tags.TAG_KEY.format("")).encode()
        schedule_prefix = key_of(schedule.SCHEDULE_KEY).encode()
        self.listener = Listener(url, [self.tag_prefix, schedule_prefix])
        self.copies = Copies(max_bytes)
        self.lock = threading.Lock()  # runserver and ASGI serve in threads
        self.generation = None
        self.heard = collections.deque(maxlen=HEARD_KEPT)  # (count, tags or EVERYTHING)
        self.count = 0

    def find(self, key):
        """``(copy, token)``: the copy of ``key`` that may be served now, or None; the
        token lets ``keep`` store what the shared cache gives instead."""
        with self.lock:
            live = self._listen()
            if live is None:
                return None, None
            page = self.copies.get(key, time.monotonic())
            if page is not None and schedule.is_due(page.state, schedule.now()):
                page = None  # the shared cache's path renews what the clock changed
            return page, (live, self.count)

    def keep(self, token, key, entry, state):
        """Keep ``entry``, found current after ``find`` gave ``token``, unless a change
        to what it shows was heard since (by another thread) or the connection ended."""
        if token is None:
            return
        generation, count = token
        with self.lock:
            if generation != self.generation or self.count - count > len(self.heard):
                return
            since = [tags for number, tags in self.heard if number > count]
            shown = entry["tags"]
            if any(tags is EVERYTHING or not shown.keys().isdisjoint(tags) for tags in since):
                return
            size = len(entry["body"]) + OVERHEAD_BYTES
            expires = time.monotonic() + settings.PAGE_CACHE_SECONDS
            self.copies.put(key, Copy(entry, state, expires, size))

    def _listen(self):
        keys, live = self.listener.listen()
        if live != self.generation:
            if self.generation is not None:
                self.copies.clear()  # kept while that connection heard for them
            self.generation = live
        if keys:
            tags = self._tags_of(keys)
            self.count += 1
            self.heard.append((self.count, tags))
            if tags is EVERYTHING:
                self.copies.clear()
            else:
                self.copies.drop_showing(tags)
        return live

    def _tags_of(self, keys):
        """The tags whose versions changed, or EVERYTHING (a flush, the schedule moved)."""
        tags = set()
        for key in keys:
            if key is EVERYTHING or not key.startswith(self.tag_prefix):
                return EVERYTHING
            tags.add(key[len(self.tag_prefix) :].decode())
        return tags

    def close(self):
        self.listener.close()


_current = {"pages": None, "identity": None}
_making = threading.Lock()


def here():
    """This process's LocalPages for the cache in use, or None when it keeps none."""
    max_bytes = settings.PAGE_CACHE_LOCAL_MB * 1024 * 1024
    backend = caches["default"]
    if max_bytes <= 0 or not isinstance(backend, RedisCache):
        return None
    # A new process (gunicorn forks) or other settings (tests) start afresh.
    identity = (os.getpid(), backend._servers[0], backend.key_prefix, backend.version, max_bytes)
    if _current["identity"] != identity:
        with _making:
            if _current["identity"] != identity:
                if _current["pages"] is not None and _current["identity"][0] == os.getpid():
                    _current["pages"].close()
                _current["pages"] = LocalPages(backend._servers[0], backend.make_key, max_bytes)
                _current["identity"] = identity
    return _current["pages"]
