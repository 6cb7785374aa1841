"""The page cache's tests: the cache is on, and a published story is there to be cached."""

import os
import uuid

import pytest

from comments.models import Comment
from newsroom.pagecache import local
from tests.newsroom.pagecache.freshness import CREDITS
from tests.processes import redis_client


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.COMMENTS_MIN_SECONDS = 0


@pytest.fixture
def live(publish, editor):
    """A published story with a credit, a correction and an approved comment."""
    article = publish(
        headline="Harbour fraud trial opens", slug="harbour", credits=CREDITS, hours_ago=2
    )
    article.add_correction(editor, "An earlier version misspelt the judge's name.")
    Comment.objects.create(
        article=article, name="Ada", email="ada@example.org", text="Good.", status="approved"
    )
    return article


REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")


@pytest.fixture
def on_redis(settings):
    """The page cache on a real Redis, each process keeping its own copies (local.py)."""
    client = redis_client(REDIS_URL)
    if client is None:
        pytest.skip(f"needs Redis at {REDIS_URL}")
    prefix = f"newsroom-tests-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.PAGE_CACHE_LOCAL_MB = 16
    pages = local.here()
    yield pages
    pages.close()
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture(params=["memory", "redis"])
def each_shared_cache(request):
    """The shared cache in memory, then on Redis with each process's copies."""
    if request.param == "redis":
        request.getfixturevalue("on_redis")
