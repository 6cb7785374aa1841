"""
The real Varnish (varnishd -F, with deploy/varnish/default.vcl as shipped) in front of
the test server, told of changes by the purge hook as production is
(PAGE_CACHE_PURGE=xkey). Skipped only where varnishd is not installed.
"""

import urllib.parse

import pytest

from benchmarks.varnish import VARNISHD, Edge


@pytest.fixture(scope="session")
def varnish(live_server):
    if VARNISHD is None:
        pytest.skip(
            "varnishd is not installed: the edge tests need Debian's "
            "`apt-get install varnish varnish-modules` (.ci/run installs them)"
        )
    edge = Edge(urllib.parse.urlsplit(live_server.url).port).start()
    yield edge
    edge.stop()


@pytest.fixture
def edge(varnish, settings, transactional_db):
    """The edge with nothing kept, and this server purging it on every change."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    settings.PAGE_CACHE_PURGE = "xkey"
    settings.CDN_PURGE_URL = varnish.url + "/"
    varnish.forget_everything()
    return varnish
