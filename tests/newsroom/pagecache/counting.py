"""Cache backends that write down every call made to them, to count trips to the cache."""

import threading

from django.core.cache.backends.locmem import LocMemCache

from newsroom.cache import ForgivingRedisCache

READS = ("get", "get_many", "has_key")
WRITES = ("set", "set_many", "add", "delete", "delete_many", "incr", "touch")
calls = []
_inside = threading.local()


def _counted(base, name):
    def method(self, *args, **kwargs):
        if getattr(_inside, "call", False):  # get_many asking get: still one trip
            return getattr(base, name)(self, *args, **kwargs)
        calls.append((name, args[0] if args else None))
        _inside.call = True
        try:
            return getattr(base, name)(self, *args, **kwargs)
        finally:
            _inside.call = False

    method.__name__ = name
    return method


def _counting(base):
    return type(
        f"Counting{base.__name__}",
        (base,),
        {name: _counted(base, name) for name in READS + WRITES},
    )


CountingLocMemCache = _counting(LocMemCache)
CountingRedisCache = _counting(ForgivingRedisCache)


def reads():
    return [call for call in calls if call[0] in READS]


def writes():
    return [call for call in calls if call[0] in WRITES]
