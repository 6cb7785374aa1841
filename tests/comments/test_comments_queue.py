"""
The moderation desk's queue and a comment's page: what is waiting and why, reports and
log beside the comment, and one click per row to decide.
"""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from comments.models import Comment, ModerationLog, Report
from tests.comments.moderation_queue import DECISIONS, QUEUE
from tests.factories import add_comment

pytestmark = pytest.mark.django_db


def test_the_queue_opens_on_pending_comments(client, moderator, article):
    add_comment(article, status=Comment.Status.PENDING, text="Waiting for a decision")
    add_comment(article, status=Comment.Status.APPROVED, text="Already public")
    client.force_login(moderator)
    page = client.get(QUEUE).content.decode()
    assert "Waiting for a decision" in page
    assert "Already public" not in page
    everything = client.get(QUEUE, {"status": "all"}).content.decode()
    assert "Already public" in everything


def test_the_status_filter_can_show_counts(client, moderator, article):
    add_comment(article, status=Comment.Status.PENDING)
    add_comment(article, status=Comment.Status.SPAM)
    add_comment(article, status=Comment.Status.SPAM)
    client.force_login(moderator)
    page = client.get(QUEUE, {"_facets": "True"}).content.decode()
    assert "Pending (1)" in page
    assert "Spam (2)" in page
    assert "All (3)" in page


def test_a_comment_page_shows_its_reports_and_log(client, moderator, article):
    comment = add_comment(article, status="pending", text="Look at me")
    Report.objects.create(comment=comment, reason=Report.Reason.PERSONAL)
    ModerationLog.objects.create(comment=comment, to_status="pending", reason="New commenter")
    client.force_login(moderator)
    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Reveals personal information" in html
    assert "New commenter" in html
    assert "Look at me" in html


def test_a_moderator_decides_from_the_comment_page(client, moderator, article):
    comment = add_comment(article, status="pending", text="Read in full")
    client.force_login(moderator)
    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))
    assert 'value="approve"' in page.content.decode()
    decide = reverse("admin:comments_comment_decide", args=[comment.pk])
    response = client.post(decide, {"decision": "reject", "reason": "Off topic"}, follow=True)
    assert "is now rejected" in response.content.decode()
    entry = comment.log.get()
    assert (entry.user, entry.to_status, entry.reason) == (moderator, "rejected", "Off topic")


def test_people_without_the_right_cannot_decide(client, make_user, article):
    viewer = make_user("viewer")
    viewer.user_permissions.add(
        Permission.objects.get(codename="view_comment", content_type__app_label="comments")
    )
    comment = add_comment(article, status="pending")
    client.force_login(viewer)
    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))
    assert page.status_code == 200
    assert 'value="approve"' not in page.content.decode()
    decide = reverse("admin:comments_comment_decide", args=[comment.pk])
    assert client.post(decide, {"decision": "approve"}).status_code == 403
    assert client.get(decide).status_code == 405
    assert client.get(QUEUE).context["action_form"] is None  # no bulk actions either
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_the_queue_shows_why_held_reports_and_history(client, moderator, article):
    for n in range(2):
        add_comment(article, email="regular@example.org", text=f"Earlier {n}")
    add_comment(article, email="regular@example.org", status="rejected", text="Rejected one")
    held = add_comment(
        article, email="regular@example.org", status="pending", held_reason="Banned word “x”"
    )
    Report.objects.create(comment=held, reason=Report.Reason.ABUSE)
    add_comment(article, email="regular@example.org", text="Approved later, not earlier")
    client.force_login(moderator)
    response = client.get(QUEUE)
    row = next(c for c in response.context["cl"].result_list if c.pk == held.pk)
    assert (row.report_total, row.approved_before, row.comments_before) == (1, 2, 3)
    page = response.content.decode()
    assert "2 of 3 earlier approved" in page
    assert "Banned word “x”" in page
    assert article.headline in page


def test_the_queue_shows_reader_html_escaped(client, moderator, article):
    add_comment(article, status="pending", name="<b>Bold</b>", text="<script>alert(1)</script>")
    client.force_login(moderator)
    page = client.get(QUEUE).content.decode()
    assert "<script>alert(1)" not in page
    assert "<b>Bold</b>" not in page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page


class TestOneClickQueue:
    def test_each_row_decides_by_itself_with_its_own_reason(self, client, moderator, article):
        first = add_comment(article, status="pending", name="First")
        second = add_comment(article, status="pending", name="Second")
        client.force_login(moderator)
        page = client.get(QUEUE).content.decode()
        for comment in (first, second):
            decide = reverse("admin:comments_comment_decide", args=[comment.pk])
            assert f'<form id="decide-{comment.pk}" method="post" action="{decide}">' in page
            assert f'form="decide-{comment.pk}" name="decision" value="approve"' in page
            assert f'name="reason" form="decide-{comment.pk}"' in page
        # One click on the second row's Reject, with what was typed in its row.
        back = f"{QUEUE}?status=pending"
        response = client.post(
            reverse("admin:comments_comment_decide", args=[second.pk]),
            {"decision": "reject", "reason": "Off topic", "next": back},
        )
        assert response.url == back
        first.refresh_from_db()
        second.refresh_from_db()
        assert (first.status, second.status) == ("pending", "rejected")
        assert second.log.get().reason == "Off topic"

    def test_the_row_offers_only_decisions_that_change_something(self, client, moderator, article):
        approved = add_comment(article, status="approved")
        client.force_login(moderator)
        page = client.get(QUEUE, {"status": "all"}).content.decode()
        assert f'form="decide-{approved.pk}" name="decision" value="approve"' not in page
        assert f'form="decide-{approved.pk}" name="decision" value="remove"' in page

    def test_a_decision_never_sends_the_moderator_off_site(self, client, moderator, article):
        comment = add_comment(article, status="pending")
        client.force_login(moderator)
        response = client.post(
            reverse("admin:comments_comment_decide", args=[comment.pk]),
            {"decision": "approve", "next": "https://evil.example/"},
        )
        assert response.url == QUEUE

    def test_the_keyboard_shortcuts_are_announced_and_marked(self, client, moderator, article):
        add_comment(article, status="pending")
        client.force_login(moderator)
        page = client.get(QUEUE).content.decode()
        assert "<kbd>J</kbd> next comment, <kbd>K</kbd> previous" in page
        for decision in DECISIONS:
            if decision.key:
                assert f"<kbd>{decision.key.upper()}</kbd> {decision.row_button.lower()}" in page
                assert f'aria-keyshortcuts="{decision.key.upper()}">{decision.row_button}<' in page
        assert "newsroom-admin/queue.js" in page

    def test_common_reasons_are_offered_and_any_can_be_typed(self, client, moderator, article):
        comment = add_comment(article, status="pending")
        client.force_login(moderator)
        for url in (QUEUE, reverse("admin:comments_comment_change", args=[comment.pk])):
            page = client.get(url).content.decode()
            assert '<datalist id="moderation-reasons">' in page
            assert '<option value="Reveals personal information"></option>' in page
            assert 'list="moderation-reasons"' in page

    def test_without_the_right_to_moderate_no_row_decides(self, client, make_user, article):
        viewer = make_user("viewer")
        viewer.user_permissions.add(
            Permission.objects.get(codename="view_comment", content_type__app_label="comments")
        )
        add_comment(article, status="pending", text="Only to read")
        client.force_login(viewer)
        page = client.get(QUEUE).content.decode()
        assert "Only to read" in page
        assert 'name="decision"' not in page and "queue-keys" not in page

    def test_the_comment_page_puts_the_decision_beside_the_comment(
        self, client, moderator, article
    ):
        comment = add_comment(article, status="pending", text="Read me in full")
        client.force_login(moderator)
        page = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content
        main, side = page.decode().split('<div class="moderation-side">')
        assert "Read me in full" in main and 'name="decision"' not in main
        assert 'name="decision" value="approve"' in side
        assert f'name="next" value="{QUEUE}' in side
