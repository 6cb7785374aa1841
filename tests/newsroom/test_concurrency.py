"""
Many people at once against a real multi-process server (gunicorn, three workers):
readers posting comments, two editors publishing or saving the same article.

The server gets a database of its own: a SQLite file, or a fresh PostgreSQL
database next to the test database when DATABASE_URL names PostgreSQL.
"""

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from http.cookiejar import CookieJar
from pathlib import Path
from types import SimpleNamespace
from urllib.error import HTTPError
from urllib.parse import urlencode, urlsplit, urlunsplit
from urllib.request import HTTPCookieProcessor, build_opener

import pytest

from comments.forms import make_timestamp
from tests.factories import form_values

ROOT = Path(__file__).resolve().parents[2]
PORTS = range(8410, 8450)
READERS = 40
PASSWORD = "a-long-test-password"

SETUP = """
import json
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
call_command("migrate", verbosity=0)
from articles.models import Article, Section
section = Section.objects.create(name="World", slug="world", comment_policy="pre")
for name in ("ed1", "ed2"):
    user = User.objects.create_user(name, f"{name}@example.com", %(password)r, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
now = timezone.now()
live = Article.objects.create(headline="Live", slug="live", section=section, status="published",
                              publish_at=now, first_published_at=now, body="<p>Text.</p>")
ids = {"live": live.pk}
for name in ("to_publish", "to_edit"):
    ids[name] = Article.objects.create(headline=name, slug=name, section=section,
                                       status="review", body="<p>Text.</p>").pk
print(json.dumps(ids))
"""

QUERY = """
import json, sys
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute(sys.argv[1])
    print(json.dumps(cursor.fetchall(), default=str))
"""


def database_urls():
    # `make test` runs the suite once on SQLite and once with DATABASE_URL set.
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith(("postgres://", "postgresql://")):
        return [pytest.param(database_url, id="postgresql")]
    return [pytest.param("", id="sqlite")]


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.skip("no free port for the test server")


class LiveDatabase:
    """A database the server and this test both reach, outside the test's transaction."""

    def __init__(self, tmp_path, postgres_url):
        self.postgres_url = postgres_url
        if postgres_url:
            parts = urlsplit(postgres_url)
            self.name = f"{parts.path.lstrip('/')}_live_{uuid.uuid4().hex[:8]}"
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
            self._admin("CREATE DATABASE {}")
        else:
            self.url = f"sqlite:///{tmp_path / 'live.sqlite3'}"

    def _admin(self, statement):
        import psycopg

        parts = urlsplit(self.postgres_url)
        maintenance = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(statement.format(f'"{self.name}"'))

    def env(self, **extra):
        return {
            **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DATABASE_URL": self.url,
            "DB_CONN_MAX_AGE": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            **extra,
        }

    def run(self, script, *args):
        code = f"import django; django.setup()\n{script}"
        result = subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    def rows(self, sql):
        return self.run(QUERY, sql)

    def drop(self):
        if self.postgres_url:
            self._admin("DROP DATABASE IF EXISTS {} WITH (FORCE)")


@pytest.fixture(scope="module", params=database_urls())
def server(request, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("live")
    database = LiveDatabase(tmp_path, request.param)
    try:
        ids = database.run(SETUP % {"password": PASSWORD})
        port = free_port()
        # Distinct readers must not be throttled as one, and the test does not wait
        # the few seconds a person takes to write a comment.
        env = database.env(
            COMMENTS_RATE_PER_IP="0", COMMENTS_RATE_PER_EMAIL="0", COMMENTS_MIN_SECONDS="0"
        )
        log = open(tmp_path / "server.log", "w+")  # noqa: SIM115 - closed below
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--workers", "3"]
            + ["--bind", f"127.0.0.1:{port}", "--timeout", "60"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, process, log)
        yield SimpleNamespace(base=base, db=database, log=log, **ids)
        process.terminate()
        process.wait(timeout=10)
        log.close()
    finally:
        database.drop()


def wait_until_up(base, process, log):
    for _ in range(150):
        if process.poll() is not None:
            log.seek(0)
            pytest.fail(f"server did not start:\n{log.read()[-3000:]}")
        try:
            build_opener().open(f"{base}/robots.txt", timeout=2)
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("server did not answer")


class Browser:
    """One person: their own cookies, the CSRF token of the last page they saw."""

    def __init__(self, base):
        self.base = base
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()))

    def request(self, path, data=None):
        body = urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with self.opener.open(f"{self.base}{path}", body, timeout=60) as response:
                return response.status, response.read().decode()
        except HTTPError as error:
            return error.code, error.read().decode()

    def csrf(self, page):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def log_in(self, username):
        status, page = self.request("/admin/login/")
        data = {"username": username, "password": PASSWORD, "next": "/admin/"}
        status, page = self.request(
            "/admin/login/", {**data, "csrfmiddlewaretoken": self.csrf(page)}
        )
        assert status == 200 and "Log out" in page, page[:2000]


def all_at_once(count, work):
    """Run work(i) in `count` threads released together; return their results in order."""
    start = threading.Barrier(count)
    results = [None] * count

    def run(i):
        start.wait()
        results[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_many_readers_comment_at_once(server):
    readers = [Browser(server.base) for _ in range(READERS)]
    pages = [reader.request("/articles/live/") for reader in readers]
    assert {status for status, _ in pages} == {200}
    timestamp = make_timestamp(SimpleNamespace(pk=server.live), at=time.time() - 60)
    # Each reader's own token, as the form's script asks for it (the page is shared).
    tokens = [
        json.loads(reader.request(f"/comments/form/{server.live}/")[1])["csrfmiddlewaretoken"]
        for reader in readers
    ]

    def post(i):
        data = {
            "csrfmiddlewaretoken": tokens[i],
            "name": f"Reader {i}",
            "email": f"reader{i}@example.org",
            "text": f"Comment number {i} on the story.",
            "timestamp": timestamp,
            "website": "",
        }
        return readers[i].request("/articles/live/comments/", data)

    results = all_at_once(READERS, post)
    statuses = [status for status, _ in results]
    assert all(status < 500 for status in statuses), statuses
    accepted = [i for i, (_, page) in enumerate(results) if "awaiting moderation" in page]
    assert len(accepted) == READERS, [page[-500:] for _, page in results][:2]
    stored = server.db.rows("SELECT text FROM comments_comment ORDER BY id")
    assert sorted(text for (text,) in stored) == sorted(
        f"Comment number {i} on the story." for i in accepted
    )
    logged = server.db.rows("SELECT COUNT(*) FROM comments_moderationlog")
    assert logged == [[READERS]]


def test_two_editors_publish_the_same_article_at_once(server):
    editors = [Browser(server.base), Browser(server.base)]
    for editor, name in zip(editors, ("ed1", "ed2"), strict=True):
        editor.log_in(name)
    step = f"/admin/articles/article/{server.to_publish}/workflow/publish/"
    forms = [editor.request(step)[1] for editor in editors]

    def publish(i):
        return editors[i].request(step, {"csrfmiddlewaretoken": editors[i].csrf(forms[i])})

    results = all_at_once(2, publish)
    assert [status for status, _ in results] == [200, 200]
    pages = [page for _, page in results]
    assert sum("is now published" in page for page in pages) == 1
    assert sum("already published" in page for page in pages) == 1
    transitions = server.db.rows(
        f"SELECT to_status FROM articles_transition WHERE article_id = {server.to_publish}"
    )
    assert transitions == [["published"]]


def test_two_editors_save_the_same_article_at_once(server):
    editors = [Browser(server.base), Browser(server.base)]
    for editor, name in zip(editors, ("ed1", "ed2"), strict=True):
        editor.log_in(name)
    change = f"/admin/articles/article/{server.to_edit}/change/"
    opened = [editor.request(change)[1] for editor in editors]

    def save(i):
        page = SimpleNamespace(content=opened[i].encode())
        data = {**form_values(page), "csrfmiddlewaretoken": editors[i].csrf(opened[i])}
        data["headline"] = f"Headline by editor {i + 1}"
        return editors[i].request(change, data)

    results = all_at_once(2, save)
    assert all(status < 500 for status, _ in results)
    saved = [i for i, (_, page) in enumerate(results) if "was changed successfully" in page]
    refused = [i for i, (_, page) in enumerate(results) if "Someone else saved" in page]
    assert len(saved) == 1 and len(refused) == 1
    # The refused editor still has their text in the form.
    assert f"Headline by editor {refused[0] + 1}" in results[refused[0]][1]
    headline = server.db.rows(f"SELECT headline FROM articles_article WHERE id = {server.to_edit}")
    assert headline == [[f"Headline by editor {saved[0] + 1}"]]
