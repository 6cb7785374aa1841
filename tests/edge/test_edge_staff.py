"""Through the real Varnish: what is never kept, and who may purge."""

import pytest
from django.test import Client

from articles.models import CommentPolicy
from tests.edge.through import get

# The groups and permissions the migrations made are put back after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_editor_never_gets_a_kept_page_and_never_fills_the_cache(edge, publish, editor):
    story = publish(headline="Council budget vote", comment_policy=CommentPolicy.CLOSED)
    page = f"/articles/{story.slug}/"
    browser = Client()
    browser.force_login(editor)
    staff = {"sessionid": browser.cookies["sessionid"].value, "csrftoken": "x" * 32}

    for _ in range(2):
        answer = get(edge, page, cookies=staff)
        assert answer.status == 200 and not answer.from_edge
        assert "no-store" in answer.headers["Cache-Control"]
    assert not get(edge, page).from_edge  # the editor's visits kept nothing for readers

    assert get(edge, page).from_edge  # a reader's visit is kept for readers...
    assert not get(edge, page, cookies=staff).from_edge  # ...never given to the editor
    assert get(edge, "/admin/", cookies=staff).status == 200


def test_readers_cookies_neither_split_nor_skip_the_cache(edge, publish):
    story = publish(headline="Bridge reopens", comment_policy=CommentPolicy.CLOSED)
    page = f"/articles/{story.slug}/"
    get(edge, page)
    answer = get(edge, page, cookies={"csrftoken": "a" * 32, "_ga": "GA1.2.3"})
    assert answer.from_edge
    assert "Set-Cookie" not in answer.headers
    assert get(edge, page + "?utm_source=newsletter").from_edge


def test_the_admin_comments_and_health_always_reach_django(edge):
    for path in ("/health/", "/admin/login/"):
        get(edge, path)
        assert not get(edge, path).from_edge, path


def test_a_purge_needs_its_tags(edge):
    assert get(edge, "/", method="PURGE").status == 400
    answer = get(edge, "/", method="PURGE", headers={"xkey-purge": "article-1 site"})
    assert answer.status == 200
