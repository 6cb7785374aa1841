import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
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
    assert response.status_code == 200 and response.content.startswith(b"ok\n")
    assert "no-store" in response["Cache-Control"]


def test_health_check_fails_when_the_database_is_unreachable():
    result = request_without_database("/health/")
    assert result.stdout.startswith("503 30"), result.stderr[-2000:]


@pytest.mark.django_db
def test_readers_can_still_comment_with_redis_down(client, redis_down, make_article, editor):
    # The comment rate limits count in the cache; without it they let readers through.
    from comments.models import Comment
    from tests.factories import post_comment

    article = make_article()
    article.publish(editor)
    response = post_comment(client, article, text="Posted while the cache is away.")
    assert response.status_code == 302
    assert Comment.objects.get().text == "Posted while the cache is away."


@pytest.fixture
def mail_server_down(settings):
    """
    A real SMTP backend aimed at a port where nothing listens. The mail goes out in
    the request's own thread (conftest's tasks_inline), so the failure happens inside the test.
    """
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2


@pytest.mark.django_db
def test_with_the_mail_server_down_comments_are_saved_and_moderated(
    client,
    mail_server_down,
    make_article,
    editor,
    moderator,
    django_capture_on_commit_callbacks,
    caplog,
):
    from comments.models import Comment
    from tests.factories import post_comment

    article = make_article()
    article.publish(editor)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post_comment(client, article, text="Saved though no mail can go out.")
    assert callbacks
    assert "not sent (attempt 1)" in caplog.text  # the mail really failed
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == "pending"

    client.force_login(moderator)
    queue = client.get(reverse("admin:comments_comment_changelist"))
    assert "Saved though no mail can go out." in queue.content.decode()
    response = client.post(
        reverse("admin:comments_comment_decide", args=[comment.pk]),
        {"decision": "approve", "reason": "Fine"},
        follow=True,
    )
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert (
        "Saved though no mail can go out."
        in client.get(article.get_absolute_url()).content.decode()
    )


@pytest.mark.django_db
def test_with_the_mail_server_down_a_correction_still_reaches_readers(
    mail_server_down, make_article, editor, translator, django_capture_on_commit_callbacks, caplog
):
    from articles.models import Article
    from tests.factories import contributor

    original = make_article(headline="Original")
    original.publish(editor)
    lina = contributor("Lina Golovnya")
    lina.user = translator
    lina.save()
    original.create_translation(editor, "fr", lina)
    with django_capture_on_commit_callbacks(execute=True):
        original.add_correction(editor, "The vote was on Tuesday.")
    assert "not sent (attempt 1)" in caplog.text  # the mail really failed
    # The translator still finds the notice on their desk.
    assert translator.notices.get().text == "The original was corrected: The vote was on Tuesday."
    assert Article.objects.out_of_date_translations().count() == 1
    assert original.corrections.get().text == "The vote was on Tuesday."
