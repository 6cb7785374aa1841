"""
Query parameters no page reads (``?x=1``, a campaign's ``utm_source``) make no page of
their own: the clean address's page answers, from its one entry in the cache.
"""

from django.core.cache import cache
from django.test import Client

from newsroom.pagecache.entries import PAGE_KEY


def page_entries():
    return [key for key in cache._cache if PAGE_KEY.format("") in key and "rendering" not in key]


def test_unread_parameters_are_served_from_the_clean_address(live):
    url = live.get_absolute_url()
    clean = Client().get(url)
    for number in range(1, 101):
        response = Client().get(f"{url}?x={number}")
        assert response["X-Page-Cache"] == "hit"
        assert response.content == clean.content
    assert len(page_entries()) == 1


def test_an_unread_parameter_never_reaches_the_page(live):
    response = Client().get(f"{live.get_absolute_url()}?utm_source=%3Cmark%3Eprobe")
    assert response.status_code == 200
    assert "probe" not in response.content.decode()


def test_the_parameters_pages_read_each_make_their_page(live):
    Client().get("/search/?q=harbour")
    Client().get("/search/?q=harbour&utm_source=news")
    other = Client().get("/search/?q=trial&x=2")
    assert other["X-Page-Cache"] == "miss"
    assert "Harbour fraud trial opens" in other.content.decode()
    Client().get("/?page=1")
    assert len(page_entries()) == 3  # q=harbour, q=trial, page=1
