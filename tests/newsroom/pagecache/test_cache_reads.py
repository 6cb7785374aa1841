"""
Trips to the cache: a cached page is one read, and the kept parts of a page rendered
afresh one more, all together. Counted on a cache that writes down its calls (on Redis
when REDIS_URL is set, in memory otherwise).
"""

import os

import pytest
from django.core.cache import cache
from django.test import Client

from articles.cachetags import story
from newsroom.pagecache import fragments, kept, middleware, renew
from tests.newsroom.pagecache import counting

PART = "pages:part:"


@pytest.fixture
def counted(settings):
    redis_url = os.environ.get("REDIS_URL")
    backend = "CountingRedisCache" if redis_url else "CountingLocMemCache"
    settings.CACHES = {
        "default": {
            "BACKEND": f"tests.newsroom.pagecache.counting.{backend}",
            "LOCATION": redis_url or "counted",
            "KEY_PREFIX": "newsroom-tests-cache-reads",
        }
    }
    settings.PAGE_CACHE_LOCAL_MB = 0  # the trips to the shared cache, as on its first hit
    cache.clear()
    counting.calls.clear()
    yield counting
    cache.clear()


def forget_what_this_process_saw():
    """As a server that has not served these pages yet (another process, a restart)."""
    middleware._guesses = type(middleware._guesses)()
    fragments._guesses = type(fragments._guesses)()
    fragments._parts_of_page = type(fragments._parts_of_page)()


def test_a_cached_page_is_one_cache_read(live, counted):
    url = live.get_absolute_url()
    Client().get(url)
    Client().get(url)
    counted.calls.clear()
    response = Client().get(url)
    assert response["X-Page-Cache"] == "hit"
    assert [name for name, _ in counted.calls] == ["get_many"]


def test_a_server_new_to_a_page_reads_it_in_two_then_one(live, counted):
    url = live.get_absolute_url()
    Client().get(url)
    forget_what_this_process_saw()
    counted.calls.clear()
    assert Client().get(url)["X-Page-Cache"] == "hit"
    assert len(counted.reads()) == 2 and not counted.writes()
    counted.calls.clear()
    assert Client().get(url)["X-Page-Cache"] == "hit"
    assert len(counted.reads()) == 1


def test_the_kept_parts_of_a_page_rendered_afresh_are_one_read(live, editor, counted):
    url = live.get_absolute_url()
    Client().get(url)
    Client().get("/")
    live.add_correction(editor, "The trial opens on Monday, not Tuesday.")
    counted.calls.clear()
    response = Client().get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "not Tuesday" in response.content.decode()
    part_reads = [keys for name, keys in counted.reads() if any(PART in k for k in keys or ())]
    parts = {key for keys in part_reads for key in keys if PART in key}
    assert len(part_reads) == 1 and len(parts) >= 4  # every part, its tags' versions with it
    # The page itself: one read to look it up, none more to keep it.
    assert len(counted.reads()) - len(part_reads) <= 3  # the lookup, credit styles


def test_a_server_new_to_a_page_reads_each_part_once_then_all_in_one(live, counted):
    url = live.get_absolute_url()
    Client().get(url)
    forget_what_this_process_saw()
    cache.clear()  # nothing of the page kept: every part worked out
    counted.calls.clear()
    Client().get(url)
    part_reads = [keys for name, keys in counted.reads() if any(PART in k for k in keys or ())]
    assert len(part_reads) >= 4  # each part on its own, the first time
    renew([story(live.pk)])
    counted.calls.clear()
    Client().get(url)
    part_reads = [keys for name, keys in counted.reads() if any(PART in k for k in keys or ())]
    assert len(part_reads) == 1


def test_a_part_changed_while_worked_out_is_worked_out_again(live, counted):
    shown = story(live.pk)

    def changed_meanwhile():
        renew([shown])  # an editor's save lands while the part asks the database
        return "before the change"

    assert kept("related", [shown], changed_meanwhile) == "before the change"
    assert kept("related", [shown], lambda: "after the change") == "after the change"
    assert kept("related", [shown], lambda: "not asked again") == "after the change"
