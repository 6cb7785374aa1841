"""The shipped VCL honours stale-while-revalidate and stale-if-error (a tiny origin here)."""

import http.server
import threading
import time

import pytest

from benchmarks.varnish import VARNISHD, Edge
from tests.edge.through import get


class Origin(http.server.ThreadingHTTPServer):
    """Answers every GET with the page version it holds, or 500 while failing."""

    version, failing, asked = 1, False, 0

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            origin = self.server
            origin.asked += 1
            status = 500 if origin.failing else 200
            body = f"version {origin.version}".encode()
            self.send_response(status)
            self.send_header("Cache-Control", origin.cache_control)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    def __init__(self, cache_control):
        super().__init__(("127.0.0.1", 0), self.Handler)
        self.cache_control = cache_control


@pytest.fixture
def origin_behind_edge():
    if VARNISHD is None:
        pytest.skip("varnishd is not installed: apt-get install varnish varnish-modules")
    made = []

    def make(cache_control):
        origin = Origin(cache_control)
        threading.Thread(target=origin.serve_forever, daemon=True).start()
        edge = Edge(origin.server_address[1]).start()
        made.append((origin, edge))
        return origin, edge

    yield make
    for origin, edge in made:
        edge.stop()
        origin.shutdown()


def test_within_stale_while_revalidate_the_old_copy_is_served_while_refreshed(origin_behind_edge):
    origin, edge = origin_behind_edge("public, s-maxage=1, stale-while-revalidate=30")
    assert get(edge, "/page").text == "version 1"
    origin.version = 2
    time.sleep(1.5)
    assert get(edge, "/page").text == "version 1"  # at once, refreshed behind it
    time.sleep(0.5)
    assert get(edge, "/page").text == "version 2"


def test_within_stale_if_error_the_old_copy_is_served_only_when_django_fails(
    origin_behind_edge,
):
    origin, edge = origin_behind_edge("public, s-maxage=1, stale-if-error=60")
    assert get(edge, "/page").text == "version 1"
    origin.version = 2
    time.sleep(1.5)
    assert get(edge, "/page").text == "version 2"  # past its time: Django is asked first
    origin.failing = True
    time.sleep(1.5)
    answer = get(edge, "/page")
    assert (answer.status, answer.text) == (200, "version 2")
    assert get(edge, "/other").status == 500  # nothing kept: Django's own answer
