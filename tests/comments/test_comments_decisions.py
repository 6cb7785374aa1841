"""
Moderation decisions, one by one and in bulk, each with its entry in the log; and who
may decide (moderators and editors), and who may not.
"""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from comments.models import Comment, ModerationLog
from tests.comments.moderation_queue import DECISIONS, QUEUE, decision_id, run_action
from tests.factories import add_comment, post_comment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("approve_selected", Comment.Status.APPROVED),
        ("reject_selected", Comment.Status.REJECTED),
        ("mark_spam_selected", Comment.Status.SPAM),
    ],
)
def test_bulk_decisions_are_logged_with_who_and_why(client, moderator, article, action, status):
    comments = [add_comment(article, status="pending") for _ in range(2)]
    client.force_login(moderator)
    response = run_action(client, action, comments, reason="Checked by the desk")
    assert "2 comments." in response.content.decode()
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == status
        entry = comment.log.get()
        assert (entry.user, entry.from_status, entry.to_status, entry.reason) == (
            moderator,
            "pending",
            status,
            "Checked by the desk",
        )


def test_the_queue_offers_each_decision_as_a_bulk_action(client, moderator):
    client.force_login(moderator)
    choices = dict(client.get(QUEUE).context["action_form"].fields["action"].choices)
    for decision in DECISIONS:
        assert choices[f"{decision.name}_selected"] == decision.action


@pytest.mark.parametrize("decision", DECISIONS, ids=decision_id)
def test_each_decision_gives_its_status_and_one_log_entry(moderator, article, decision):
    comment = add_comment(article, status="pending")
    entry = getattr(comment, decision.name)(moderator, "Checked")
    assert getattr(comment, decision.name)(moderator, "Checked twice") is None
    comment.refresh_from_db()
    assert comment.status == decision.status
    assert list(comment.log.all()) == [entry]
    assert (entry.user, entry.from_status, entry.to_status) == (
        moderator,
        "pending",
        decision.status,
    )


@pytest.mark.parametrize("decision", DECISIONS, ids=decision_id)
def test_each_decision_works_in_bulk(client, moderator, article, decision):
    comments = [add_comment(article, status="pending") for _ in range(2)]
    client.force_login(moderator)
    response = run_action(client, f"{decision.name}_selected", comments, reason="Desk")
    assert f"{decision.done}: 2 comments." in response.content.decode()
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == decision.status
        assert comment.log.get().reason == "Desk"


@pytest.mark.parametrize("decision", DECISIONS, ids=decision_id)
def test_each_decision_is_a_button_on_the_comment_page(client, moderator, article, decision):
    comment = add_comment(article, status="pending")
    change = reverse("admin:comments_comment_change", args=[comment.pk])
    button = re.compile(rf'value="{decision.name}"[^>]*>{re.escape(decision.button)}</button>')
    client.force_login(moderator)
    assert button.search(client.get(change).content.decode())
    decide = reverse("admin:comments_comment_decide", args=[comment.pk])
    client.post(decide, {"decision": decision.name, "reason": "Read in full"})
    comment.refresh_from_db()
    assert comment.status == decision.status
    assert comment.log.get().reason == "Read in full"
    # The status it already has is not offered again.
    assert not button.search(client.get(change).content.decode())


def test_a_decision_changed_later_adds_to_the_log(moderator, article):
    comment = add_comment(article, status="pending")
    comment.approve(moderator, "Fine")
    comment.remove(moderator, "On second thoughts, libellous")
    assert list(comment.log.values_list("from_status", "to_status", "reason")) == [
        ("pending", "approved", "Fine"),
        ("approved", "removed", "On second thoughts, libellous"),
    ]
    entry = comment.log.first()
    entry.reason = "Rewritten"
    with pytest.raises(PermissionDenied):
        entry.save()


def test_readers_see_the_same_comments_one_at_a_time_as_in_a_query(article):
    comments = [add_comment(article, status=status) for status in Comment.Status]
    assert {c for c in comments if c.is_public} == set(Comment.objects.approved())
    assert [c.status for c in Comment.objects.approved()] == ["approved"]


def test_the_log_starts_with_why_a_new_comment_was_held(client, article):
    post_comment(client, article)
    entry = ModerationLog.objects.get()
    assert (entry.user, entry.from_status, entry.to_status, entry.reason) == (
        None,
        "",
        "pending",
        "New commenter",
    )


def test_approved_comment_appears_on_the_article(client, moderator, article):
    post_comment(client, article, text="Approve me please")
    comment = Comment.objects.get()
    client.force_login(moderator)
    run_action(client, "approve_selected", [comment])
    client.logout()
    client.cookies.clear()
    assert "Approve me please" in client.get(article.get_absolute_url()).content.decode()


def test_only_moderators_may_decide(reporter, article):
    comment = add_comment(article, status="pending")
    with pytest.raises(PermissionDenied):
        comment.approve(reporter)
    comment.refresh_from_db()
    assert comment.status == "pending"
    assert not comment.log.exists()


def test_moderators_see_nothing_of_the_article_editing_tools(client, moderator, article):
    client.force_login(moderator)
    assert client.get(QUEUE).status_code == 200
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403
    change = reverse("admin:articles_article_change", args=[article.pk])
    assert client.get(change).status_code == 403
    index = client.get(reverse("admin:index")).content.decode()
    assert "/admin/articles/" not in index
    assert "/admin/comments/comment/" in index


def test_reporters_do_not_moderate(client, reporter, article):
    client.force_login(reporter)
    assert client.get(QUEUE).status_code == 403


def test_editors_moderate_too(client, editor, article):
    comment = add_comment(article, status="pending")
    client.force_login(editor)
    run_action(client, "approve_selected", [comment])
    comment.refresh_from_db()
    assert comment.status == "approved"


def test_nobody_adds_or_edits_comments_in_the_admin(client, editor, article):
    comment = add_comment(article, status="pending", text="Original words")
    client.force_login(editor)
    assert client.get(reverse("admin:comments_comment_add")).status_code == 403
    change = reverse("admin:comments_comment_change", args=[comment.pk])
    client.post(change, {"text": "Words put in the reader's mouth", "status": "approved"})
    comment.refresh_from_db()
    assert (comment.text, comment.status) == ("Original words", "pending")
