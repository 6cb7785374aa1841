"""
Each process's own copies of the pages it served (newsroom/pagecache/local.py): answered
without a trip to Redis, and never once Redis has told of a change to what they show,
nor while the process cannot be sure it hears every change. On a real Redis (skipped
when none answers).
"""

import time

import redis
from django.core.cache import cache
from django.test import Client

from articles.cachetags import story
from articles.models import Article
from newsroom.pagecache import local, tracking
from newsroom.pagecache.tags import renew_now
from tests.newsroom.pagecache import counting
from tests.processes import PAGE_CACHE_REDIS_URL as REDIS_URL


def served(url):
    response = Client().get(url)
    return response["X-Page-Cache"], response.content.decode()


def changed_elsewhere(article, headline):
    """A change as another server makes it: the data, then the story's tag renewed in Redis;
    nothing in this process is told but by Redis."""
    Article.objects.filter(pk=article.pk).update(headline=headline)
    renew_now([story(article.pk)])


def test_a_page_served_from_redis_is_then_served_from_this_process(live, on_redis, settings):
    counted = "tests.newsroom.pagecache.counting.CountingRedisCache"
    settings.CACHES = {"default": {**settings.CACHES["default"], "BACKEND": counted}}
    url = live.get_absolute_url()
    assert served(url)[0] == "miss"
    source, from_redis = served(url)
    assert source == "hit"
    counting.calls.clear()
    assert served(url) == ("hit-local", from_redis)
    assert counting.reads() == []  # no trip to Redis at all


def test_a_change_redis_tells_of_ends_the_copy_at_once(live, on_redis):
    url = live.get_absolute_url()
    for _ in range(3):
        served(url)
    assert served(url)[0] == "hit-local"
    changed_elsewhere(live, "Harbour fraud trial adjourned")
    source, body = served(url)
    assert source == "miss" and "Harbour fraud trial adjourned" in body
    assert served(url) == ("hit-local", body)  # the page rendered afresh is kept here too


def test_a_change_to_a_story_the_page_does_not_show_keeps_the_copy(live, on_redis, make_article):
    other = make_article(headline="Port strike ends", slug="port-strike")
    url = live.get_absolute_url()
    for _ in range(3):
        served(url)
    renew_now([story(other.pk)])
    assert served(url)[0] == "hit-local"


def test_a_flush_of_redis_ends_every_copy(live, on_redis):
    urls = [live.get_absolute_url(), "/"]
    for url in urls * 3:
        served(url)
    cache.clear()
    assert [served(url)[0] for url in urls] == ["miss", "miss"]


def test_no_copy_is_served_once_the_connection_to_redis_breaks(live, on_redis, monkeypatch):
    url = live.get_absolute_url()
    for _ in range(3):
        served(url)
    listening = on_redis.listener.connection._sock.getsockname()
    redis.Redis.from_url(REDIS_URL).client_kill_filter(addr=f"{listening[0]}:{listening[1]}")
    # Redis can no longer tell this process: the change must show all the same.
    changed_elsewhere(live, "Harbour fraud trial adjourned")
    source, body = served(url)
    assert source == "miss" and "Harbour fraud trial adjourned" in body
    assert served(url)[0] == "hit"  # from Redis until a new connection is heard on
    monkeypatch.setattr(on_redis.listener, "retry_at", 0.0)
    served(url)
    assert served(url)[0] == "hit-local"


def test_a_connection_that_stops_answering_is_not_trusted(on_redis):
    now = [1000.0]
    listener = tracking.Listener(REDIS_URL, [b"nothing-tracked:"], clock=lambda: now[0])
    assert listener.listen()[1] == 1
    control = redis.Redis.from_url(REDIS_URL)
    control.client_pause(1000, all=True)  # Redis answers nothing for a second
    try:
        now[0] += tracking.PING_SECONDS
        assert listener.listen()[1] == 1  # a ping goes out
        now[0] += tracking.TRUST_SECONDS
        assert listener.listen()[1] is None  # unanswered: copies wait
        now[0] += tracking.DROP_SECONDS
        assert listener.listen()[1] is None and listener.connection is None
    finally:
        control.client_unpause()
    now[0] += tracking.RETRY_SECONDS
    assert listener.listen()[1] == 2  # a new connection, never the old one's copies
    listener.close()


def test_a_page_read_while_another_thread_heard_of_its_change_is_not_kept(live, on_redis):
    pages, state = on_redis, {"next": None, "checked": 0}
    entry = {"tags": {story(live.pk): "before"}, "body": b"<p>Before the change</p>"}
    _, token = pages.find("page")
    renew_now([story(live.pk)])
    time.sleep(0.05)
    pages.find("another page")  # another thread hears of the change first
    pages.keep(token, "page", entry, state)
    assert pages.find("page")[0] is None
    _, token = pages.find("page")
    pages.keep(token, "page", entry, state)
    assert pages.find("page")[0].entry is entry


def test_copies_stay_within_their_memory_oldest_used_first_out():
    copies = local.Copies(max_bytes=3000)

    def page(tag):
        return local.Copy({"tags": {tag: "v"}, "body": b""}, {}, expires=1e12, size=1000)

    for name in "abc":
        copies.put(name, page(f"article-{name}"))
    copies.get("a", now=0)
    copies.put("d", page("article-d"))
    assert [name for name in "abcd" if copies.get(name, now=0)] == ["a", "c", "d"]
    copies.drop_showing({"article-c"})
    assert copies.get("c", now=0) is None and copies.size == 2000


def test_without_redis_nothing_is_kept_in_the_process(live):
    url = live.get_absolute_url()
    assert [served(url)[0] for _ in range(4)] == ["miss", "hit", "hit", "hit"]
    assert local.here() is None


def test_copies_can_be_turned_off(live, on_redis, settings):
    settings.PAGE_CACHE_LOCAL_MB = 0
    url = live.get_absolute_url()
    assert [served(url)[0] for _ in range(4)] == ["miss", "hit", "hit", "hit"]
