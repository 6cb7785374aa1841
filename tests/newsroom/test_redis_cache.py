"""The shared cache on a real Redis server (skipped when none answers)."""

import socket
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsroom.cache import ForgivingRedisCache

REDIS_URL = "redis://127.0.0.1:6379/5"


@pytest.fixture
def redis_cache():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    cache = ForgivingRedisCache(REDIS_URL, {"KEY_PREFIX": "newsroom-tests-redis-cache"})
    yield cache
    cache.delete_many([f"page-{n}" for n in range(40)])


def test_pages_stored_from_many_threads_read_back_whole(redis_cache):
    pages = {f"page-{n}": (f"<p>{n}</p>" * 2000).encode() for n in range(40)}

    def store_and_read(key):
        redis_cache.set(key, pages[key], 30)
        return key, redis_cache.get(key)

    with ThreadPoolExecutor(max_workers=8) as threads:
        assert dict(threads.map(store_and_read, pages)) == pages


def test_one_client_serves_every_call(redis_cache):
    # A new client per call costs more than the trip to Redis.
    redis_cache.set("page-0", b"x", 30)
    client = redis_cache._cache.get_client()
    redis_cache.get("page-0")
    assert redis_cache._cache.get_client() is client
