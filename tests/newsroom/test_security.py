import os
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client
from django.urls import reverse
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "news.example.org",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_pages_forbid_inline_scripts_and_framing(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:index"))
    policy = response.headers["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"


def test_admin_login_is_locked_after_repeated_failures(client, editor, settings):
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200
    client.post(login, {"username": "editor", "password": "wrong"})
    response = client.post(login, {"username": "editor", "password": "pw"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_correct_password_still_works_before_the_limit(client, editor):
    login = reverse("admin:login")
    client.post(login, {"username": "editor", "password": "wrong"})
    response = client.post(login, {"username": "editor", "password": "pw", "next": "/admin/"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def fail_from(client, addresses, username="editor"):
    for address in addresses:
        client.post(
            reverse("admin:login"), {"username": username, "password": "wrong"}, REMOTE_ADDR=address
        )


def log_in_from(client, address, username="editor"):
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": "pw", "next": "/admin/"},
        REMOTE_ADDR=address,
    )
    return response.status_code


STRANGERS = [f"203.0.113.{n}" for n in range(1, 11)]


def test_failures_spread_over_many_addresses_cool_the_account_off(editor, settings):
    settings.AXES_ACCOUNT_FAILURE_LIMIT = 10
    fail_from(Client(), STRANGERS)
    assert log_in_from(Client(), "198.51.100.50") == 429
    # Not the account's name in other letters either.
    assert log_in_from(Client(), "198.51.100.51", username="EDITOR") == 429


def test_the_owner_at_an_address_they_used_before_still_gets_in(editor, settings):
    settings.AXES_ACCOUNT_FAILURE_LIMIT = 10
    owner = Client()
    assert log_in_from(owner, "192.0.2.20") == 302
    owner.logout()
    fail_from(Client(), STRANGERS)
    assert log_in_from(Client(), "192.0.2.20") == 302


def test_the_cool_off_ends_by_itself(editor, settings):
    settings.AXES_ACCOUNT_FAILURE_LIMIT = 10
    settings.AXES_ACCOUNT_COOLOFF_MINUTES = 15
    fail_from(Client(), STRANGERS)
    assert log_in_from(Client(), "198.51.100.50") == 429
    earlier = timezone.now() - timedelta(minutes=16)
    AccessFailureLog.objects.update(attempt_time=earlier)
    AccessAttempt.objects.update(attempt_time=earlier)
    assert log_in_from(Client(), "198.51.100.50") == 302


def test_other_accounts_are_not_cooled_off(editor, reporter, settings):
    settings.AXES_ACCOUNT_FAILURE_LIMIT = 10
    fail_from(Client(), STRANGERS)
    assert log_in_from(Client(), "198.51.100.50", username="reporter") == 302
