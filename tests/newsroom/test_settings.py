import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def documented_variables(path):
    """The names in the first column of a Markdown file's tables of variables."""
    first_cells = re.findall(r"^\|([^|\n]*)\|", path.read_text(), flags=re.MULTILINE)
    return {name for cell in first_cells for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", cell)}


# The README leaves the variables of several servers and object storage to docs/deploy.md.
DOCUMENTED = documented_variables(ROOT / "README.md") | documented_variables(
    ROOT / "docs" / "deploy.md"
)

SETTINGS_PROBE = """
import json
import newsroom.settings as s
print(json.dumps({name: repr(getattr(s, name)) for name in dir(s) if name.isupper()}))
"""


def load_settings(**env):
    """Import the settings in a new interpreter, with env as the only documented variables set."""
    clean = {k: v for k, v in os.environ.items() if k not in DOCUMENTED}
    return subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def settings_under(**env):
    """Every setting's repr, by name."""
    result = load_settings(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "secret", ["", "short", "django-insecure-development-only-key-do-not-use-in-production"]
)
def test_production_refuses_to_start_without_a_real_secret_key(secret):
    result = load_settings(DEBUG="0", SECRET_KEY=secret)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_secret_key_and_debug_off():
    assert settings_under(DEBUG="0", SECRET_KEY="x" * 50)["DEBUG"] == "False"


def test_database_url_selects_postgresql():
    settings = settings_under(DATABASE_URL="postgres://postgres@127.0.0.1:5432/newsroom")
    assert "'django.db.backends.postgresql'" in settings["DATABASES"]


MODES = {
    "development": {},
    # Every mode on, so that the settings read every variable.
    "production": {
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://newsroom@db.internal:5432/newsroom",
        "REDIS_URL": "redis://cache.internal:6379/0",
        "AWS_STORAGE_BUCKET_NAME": "newsroom-media",
    },
}


@pytest.fixture(scope="module")
def unset():
    return {mode: settings_under(**env) for mode, env in MODES.items()}


def test_the_documented_variables_are_found():
    # Were the tables to change shape, the test below would quietly test nothing.
    assert {"DEBUG", "AXES_FAILURE_LIMIT", "COMMENTS_MAX_LENGTH", "AWS_LOCATION"} <= DOCUMENTED


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_a_documented_variable_set_empty_means_its_default(name, unset):
    # A variable that switches a mode on by being set is tried in development, where it is unset;
    # every other one with every mode on, where it is read.
    mode = "development" if name in MODES["production"] else "production"
    assert settings_under(**MODES[mode], **{name: ""}) == unset[mode]


def test_a_variable_that_is_not_a_whole_number_is_refused_by_name():
    result = load_settings(PAGE_CACHE_SECONDS="abc")
    assert result.returncode != 0
    assert "ImproperlyConfigured: PAGE_CACHE_SECONDS must be a whole number" in result.stderr


STORAGE_PROBE = """
import django
django.setup()
from django.core.files.storage import default_storage, storages
storage = storages["default"]
print(type(storage).__module__ + "." + type(storage).__name__)
print(default_storage.url("lead/2026/11/photo.jpg"))
"""


def storage_in_use(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    result = subprocess.run(
        [sys.executable, "-c", STORAGE_PROBE],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_uploads_stay_on_the_local_disk_by_default():
    backend, url = storage_in_use()
    assert backend == "django.core.files.storage.filesystem.FileSystemStorage"
    assert url == "/media/lead/2026/11/photo.jpg"


def test_a_bucket_puts_uploads_in_object_storage_shared_by_every_server():
    backend, url = storage_in_use(
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.net",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
        AWS_S3_REGION_NAME="eu-north-1",
    )
    assert backend == "storages.backends.s3.S3Storage"
    # Plain addresses (no signature that expires) so cached pages keep working.
    assert url == "https://objects.example.net/newsroom-media/lead/2026/11/photo.jpg"


def test_a_custom_domain_serves_the_bucket_through_a_cdn():
    _, url = storage_in_use(
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_CUSTOM_DOMAIN="media.news.example.org",
    )
    assert url == "https://media.news.example.org/lead/2026/11/photo.jpg"
