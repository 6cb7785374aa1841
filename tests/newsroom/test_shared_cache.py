"""
Without Redis, every process on the machine shares one cache: a change made by a
management command is seen at once by the running server, not when its copy expires.
"""

import json
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

import dj_database_url
import pytest
from django.db import connection
from django.test import Client

from comments.models import Comment
from newsroom.settings import database_cache_prefix

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json
import newsroom.settings as s
print(json.dumps(s.CACHES["default"]))
"""


def default_cache(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CACHE_DIR"}}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def in_another_process(code, cache_dir, database_url):
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update(
        CACHE_DIR=str(cache_dir),
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="newsroom.settings",
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django\ndjango.setup()\n{code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def shared_files(settings, cache_dir, database_url):
    """This process's cache: the files the other process writes, under the same prefix."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(cache_dir),
            "KEY_PREFIX": database_cache_prefix(dj_database_url.parse(database_url)),
        }
    }


def test_without_redis_the_cache_is_files_every_process_shares():
    cache = default_cache(DATABASE_URL="sqlite:////tmp/one.sqlite3")
    assert cache["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert Path(cache["LOCATION"]) == ROOT / "var" / "cache"
    assert default_cache(CACHE_DIR="/srv/newsroom-cache")["LOCATION"] == "/srv/newsroom-cache"
    # Two databases, two sets of keys: a server never shows another database's pages.
    other = default_cache(DATABASE_URL="sqlite:////tmp/two.sqlite3")
    assert other["KEY_PREFIX"] != cache["KEY_PREFIX"]
    redis = default_cache(REDIS_URL="redis://cache.internal:6379/0")
    assert redis["BACKEND"] == "newsroom.cache.ForgivingRedisCache"


@pytest.mark.django_db
def test_a_change_in_another_process_ends_the_pages_showing_it_here(settings, tmp_path):
    from newsroom.pagecache import tags

    database_url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    shared_files(settings, tmp_path / "cache", database_url)
    before = tags.current(["article-1", "article-2"])
    assert tags.current(["article-1", "article-2"]) == before
    in_another_process(
        "from newsroom import pagecache\npagecache.renew(['article-1'])",
        tmp_path / "cache",
        database_url,
    )
    after = tags.current(["article-1", "article-2"])
    assert after["article-1"] != before["article-1"]
    assert after["article-2"] == before["article-2"]


def postgres_url():
    db = connection.settings_dict
    password = f":{urllib.parse.quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{db['USER']}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL: the command runs in another process on the same database",
)
@pytest.mark.django_db(transaction=True)
def test_an_erasure_by_command_is_seen_at_once_by_the_running_server(settings, tmp_path, article):
    settings.PAGE_CACHE_SECONDS = 300
    database_url = postgres_url()
    shared_files(settings, tmp_path / "cache", database_url)
    Comment.objects.create(
        article=article, name="Ada", email="ada@example.org", text="Erase me.", status="approved"
    )
    url = article.get_absolute_url()
    assert "Erase me." in Client().get(url).content.decode()
    in_another_process(
        "from django.core.management import call_command\n"
        "call_command('commenter_data', '--erase', 'ada@example.org')",
        tmp_path / "cache",
        database_url,
    )
    assert "Erase me." not in Client().get(url).content.decode()
