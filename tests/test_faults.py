import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
UNREACHABLE_REDIS = "redis://127.0.0.1:9/0"

READER_REQUEST = """
import sys
import django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from django.test import Client
response = Client(raise_request_exception=False).get(sys.argv[1])
print(response.status_code, response.headers.get("Retry-After"))
print(response.content.decode())
"""


def request_without_database(path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/unreachable",
    }
    result = subprocess.run(
        [sys.executable, "-c", READER_REQUEST, path],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    return result


def test_readers_get_a_plain_503_when_the_database_is_unreachable():
    result = request_without_database("/")
    status_line, _, page = result.stdout.partition("\n")
    assert status_line == "503 30", result.stderr[-2000:]
    assert "trouble reaching its database" in page
    assert "Traceback" not in page


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {"BACKEND": "newsroom.cache.ForgivingRedisCache", "LOCATION": UNREACHABLE_REDIS}
    }
    # Django's setting_changed handler rebuilds the cache connections.


@pytest.mark.django_db
def test_site_still_serves_with_redis_down(client, redis_down, make_article, editor):
    article = make_article(credits=[("reporting", "Ann One", "Kyiv", "")])
    article.publish(editor)
    cache = caches["default"]
    cache.set("key", "value")
    assert cache.get("key", "fallback") == "fallback"
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "(Reporting by Ann One in Kyiv)" in response.content.decode()
    assert client.get(reverse("articles:home")).status_code == 200


@pytest.mark.django_db
def test_health_check_answers_ok_and_is_never_cached(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200 and response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_health_check_fails_when_the_database_is_unreachable():
    result = request_without_database("/health/")
    assert result.stdout.startswith("503 30"), result.stderr[-2000:]
