"""
Two app servers on one PostgreSQL database and one Redis: a change made through
one is seen at once through the other, though both had the page cached.

Runs when DATABASE_URL is PostgreSQL and Redis answers at MANY_SERVERS_REDIS_URL
(default redis://127.0.0.1:6379/1); skipped otherwise.
"""

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_article, published_article
from tests.processes import other_processes, redis_client, shared_database_url

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("MANY_SERVERS_REDIS_URL", "redis://127.0.0.1:6379/1")
PORTS = range(8510, 8550)


pytestmark = other_processes(REDIS_URL, "servers in other processes share its database")


def free_ports(count):
    found = []
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                found.append(port)
        if len(found) == count:
            return found
    pytest.skip("no free port in 8510-8549")


class Browser:
    """A reader or an editor at one server: cookies kept, redirects not followed."""

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), self.NoRedirects
        )

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, body, timeout=10) as response:
                self.source = response.headers.get("X-Page-Cache")
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            self.source = error.headers.get("X-Page-Cache")
            return error.code, error.read().decode()

    def get(self, path):
        return self.request(path)

    def post(self, path, data):
        token = next(c.value for c in self.cookies if c.name == "csrftoken")
        return self.request(path, {**data, "csrfmiddlewaretoken": token})

    def log_in(self, username, password):
        self.get("/admin/login/")
        status, _ = self.post(
            "/admin/login/?next=/admin/", {"username": username, "password": password}
        )
        assert status == 302, "login refused"


@pytest.fixture
def servers():
    prefix = f"many-servers-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": shared_database_url(),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "PAGE_CACHE_SECONDS": "300",
        "DEBUG": "1",
        "DB_CONN_MAX_AGE": "0",
        "TASKS_IN_PROCESS": "1",  # no worker here: mail goes from the servers themselves
    }
    ports = free_ports(2)
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "newsroom.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_for(port)
        yield ports, prefix
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)
        client = redis_client(REDIS_URL)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


def wait_for(port):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server on port {port} did not start")


@pytest.fixture
def newsroom(db):
    live = published_article(
        headline="Harbour fraud trial opens", slug="harbour", hours_ago=1, comment_policy="pre"
    )
    draft = make_article(headline="Port strike ends", slug="port-strike")
    waiting = Comment.objects.create(
        article=live, name="Bo", email="bo@example.org", text="Which court was it?"
    )
    User.objects.create_superuser("chief", "chief@example.org", "chief-password")
    return live, draft, waiting


def test_a_change_through_one_server_is_seen_at_once_through_the_other(servers, newsroom):
    ports, prefix = servers
    live, draft, waiting = newsroom
    pages = ["/", "/feeds/rss/", live.get_absolute_url()]
    for reader in [Browser(port) for port in ports]:
        for path in pages:
            in_a_row = 0
            for _ in range(40):  # until every worker answers from its own copy
                status, body = reader.get(path)
                assert status == 200 and "port-strike" not in body
                in_a_row = in_a_row + 1 if reader.source == "hit-local" else 0
                if in_a_row == 6:
                    break
            assert in_a_row == 6, path
    assert any(b":pages:page:" in key for key in redis_client(REDIS_URL).scan_iter(f"{prefix}:*"))

    editor, reader = Browser(ports[0]), Browser(ports[1])
    editor.log_in("chief", "chief-password")
    publish = reverse("admin:articles_article_transition", args=[draft.pk, "publish"])
    status, _ = editor.post(publish, {"note": "", "publish_at_0": "", "publish_at_1": ""})
    assert status == 302
    for path in ("/", "/feeds/rss/") * 4:  # whichever worker answers
        assert "port-strike" in reader.get(path)[1], path
    assert reader.get(draft.get_absolute_url())[0] == 200

    assert "Which court was it?" not in reader.get(live.get_absolute_url())[1]
    decide = reverse("admin:comments_comment_decide", args=[waiting.pk])
    status, _ = editor.post(decide, {"decision": "approve", "reason": ""})
    assert status == 302
    for _ in range(4):
        assert "Which court was it?" in reader.get(live.get_absolute_url())[1]
