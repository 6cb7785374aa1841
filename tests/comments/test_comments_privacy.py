"""Addresses are forgotten in time; a commenter's data can be exported or erased."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import Comment, Report
from tests.factories import add_comment, post_comment

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_purge_forgets_old_addresses_only(article, settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 30
    old = add_comment(article, ip="192.0.2.1", created_at=days_ago(31))
    recent = add_comment(article, ip="192.0.2.2", created_at=days_ago(29))
    old_report = Report.objects.create(
        comment=recent, reason="spam", ip_hash="abc", created_at=days_ago(40)
    )

    output = run("purge_comment_ips")

    old.refresh_from_db()
    recent.refresh_from_db()
    old_report.refresh_from_db()
    assert (old.ip, recent.ip, old_report.ip_hash) == (None, "192.0.2.2", "")
    assert "1 comment(s) and 1 report(s)" in output


def test_the_posting_address_is_kept_until_then(client, article):
    post_comment(client, article, ip="198.51.100.7")
    assert Comment.objects.get().ip == "198.51.100.7"


def test_export_gives_everything_a_commenter_posted_as_json(article):
    add_comment(article, email="ada@example.org", text="First", ip="192.0.2.1")
    add_comment(article, email="ADA@example.org", text="Second", status="spam")
    add_comment(article, email="other@example.org", text="Not hers")

    data = json.loads(run("commenter_data", "--export", "Ada@Example.org"))

    assert [c["text"] for c in data["comments"]] == ["First", "Second"]
    assert data["comments"][0]["ip"] == "192.0.2.1"
    assert data["comments"][0]["article_url"] == article.get_absolute_url()


def test_erase_removes_the_comments_and_leaves_tombstones_in_threads(client, article):
    lonely = add_comment(article, email="ada@example.org", text="Nobody answered")
    answered = add_comment(article, email="ada@example.org", text="Somebody answered")
    reply = add_comment(article, parent=answered, email="bob@example.org", text="Bob's answer")
    own_reply = add_comment(article, parent=reply.parent, email="ada@example.org", text="Ada again")

    output = run("commenter_data", "--erase", "ada@example.org")

    assert not Comment.objects.filter(pk__in=[lonely.pk, own_reply.pk]).exists()
    answered.refresh_from_db()
    assert (answered.name, answered.email, answered.text, answered.status) == (
        "",
        "",
        "",
        "removed",
    )
    assert not Comment.objects.by_email("ada@example.org").exists()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Comment removed." in page
    assert "Bob&#x27;s answer" in page
    assert "Somebody answered" not in page and "Nobody answered" not in page
    assert "Erased 3 comment(s)" in output and "1 left as" in output


def test_commands_refuse_what_is_not_an_email(article):
    with pytest.raises(CommandError):
        run("commenter_data", "--erase", "nobody")
