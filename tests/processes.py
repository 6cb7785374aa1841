"""What tests that start other processes (servers, workers) share: Redis and PostgreSQL."""

import os
import urllib.parse

import pytest
from django.db import connection

# The page cache's tests on Redis (tests/conftest.py, on_redis): each its own key prefix.
PAGE_CACHE_REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")


def redis_client(url):
    """A client of the Redis at ``url``, or None when none answers there."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1)
        client.ping()
        return client
    except redis.RedisError:
        return None


def shared_database_url():
    """The test database's address, for another process to use the same data."""
    db = connection.settings_dict
    password = f":{urllib.parse.quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER']}{password}@{host}/{db['NAME']}"


def other_processes(redis_url, why):
    """The marks of such tests: PostgreSQL (SQLite's test database is in memory) and Redis."""
    return [
        pytest.mark.skipif(
            not os.environ.get("DATABASE_URL", "").startswith("postgres"),
            reason=f"needs DATABASE_URL on PostgreSQL: {why}",
        ),
        pytest.mark.skipif(redis_client(redis_url) is None, reason=f"needs Redis at {redis_url}"),
        pytest.mark.django_db(transaction=True, serialized_rollback=True),
    ]
