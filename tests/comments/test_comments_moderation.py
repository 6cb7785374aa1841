"""The moderation desk: the queue, decisions with a log, roles, trust, bans and reports."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from articles.models import CommentPolicy
from comments.models import BannedCommenter, Comment, ModerationLog, Report
from tests.factories import add_comment, post_comment, prove_address

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:comments_comment_changelist")
DECISIONS = list(Comment.DECISIONS.values())


def decision_id(decision):
    return decision.name


def run_action(client, action, comments, reason=""):
    return client.post(
        QUEUE,
        {
            "action": action,
            "_selected_action": [c.pk for c in comments],
            "reason": reason,
        },
        follow=True,
    )


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


class TestTrustAndBans:
    def test_trusted_commenters_are_approved_at_once(self, client, article, settings):
        settings.COMMENTS_TRUSTED_AFTER = 2
        for _ in range(2):
            add_comment(article, email="ada@example.org")
        prove_address(client, "ada@example.org")
        post_comment(client, article, text="Trusted words")
        comment = Comment.objects.get(text="Trusted words")
        assert comment.status == "approved"
        assert comment.log.get().reason == "Trusted commenter (2 approved)"

    def test_not_yet_trusted_commenters_wait(self, client, article, settings):
        settings.COMMENTS_TRUSTED_AFTER = 2
        add_comment(article, email="ada@example.org")
        add_comment(article, email="ada@example.org", status="rejected")
        post_comment(client, article, text="Not yet trusted")
        comment = Comment.objects.get(text="Not yet trusted")
        assert (comment.status, comment.held_reason) == ("pending", "Pre-moderated article")

    def test_banned_commenters_never_get_through(self, client, publish, moderator):
        article = publish(comment_policy=CommentPolicy.POST_MODERATED)
        BannedCommenter.objects.create(email="Ada@Example.org", reason="Repeated abuse")
        post_comment(client, article, text="Banned words")
        comment = Comment.objects.get()
        assert (comment.status, comment.held_reason) == ("spam", "Banned commenter")
        own_view = client.get(article.get_absolute_url()).content.decode()
        assert "Banned words" in own_view and "Awaiting moderation" in own_view
        client.cookies.clear()
        assert "Banned words" not in client.get(article.get_absolute_url()).content.decode()

    def test_a_moderator_bans_from_the_queue(self, client, moderator, article):
        selected = add_comment(article, status="pending", email="troll@example.org")
        waiting = add_comment(article, status="pending", email="troll@example.org")
        bystander = add_comment(article, status="pending", email="kind@example.org")
        client.force_login(moderator)
        run_action(client, "ban_commenters", [selected], reason="Threats")
        assert list(BannedCommenter.objects.values_list("email", "reason")) == [
            ("troll@example.org", "Threats")
        ]
        statuses = Comment.objects.in_bulk([selected.pk, waiting.pk, bystander.pk])
        assert [statuses[c.pk].status for c in (selected, waiting, bystander)] == [
            "spam",
            "spam",
            "pending",
        ]

    def test_a_ban_typed_into_the_admin_spams_what_waits(self, client, moderator, article):
        waiting = add_comment(article, status="pending", email="troll@example.org")
        client.force_login(moderator)
        response = client.post(
            reverse("admin:comments_bannedcommenter_add"),
            {"email": "Troll@Example.org", "reason": "Threats"},
            follow=True,
        )
        assert response.status_code == 200
        ban = BannedCommenter.objects.get()
        assert (ban.email, ban.reason, ban.created_by) == (
            "troll@example.org",
            "Threats",
            moderator,
        )
        waiting.refresh_from_db()
        assert waiting.status == "spam"

    def test_a_ban_from_code_spams_what_waits(self, moderator, article):
        waiting = add_comment(article, status="pending", email="troll@example.org")
        public = add_comment(article, status="approved", email="troll@example.org")
        bystander = add_comment(article, status="pending", email="kind@example.org")
        bans, spammed = BannedCommenter.ban([" Troll@Example.org "], moderator, "Threats")
        assert [(ban.email, ban.reason, ban.created_by) for ban in bans] == [
            ("troll@example.org", "Threats", moderator)
        ]
        assert spammed == [waiting]
        entry = waiting.log.get()
        assert (entry.user, entry.to_status, entry.reason) == (moderator, "spam", "Threats")
        statuses = Comment.objects.in_bulk([waiting.pk, public.pk, bystander.pk])
        assert [statuses[c.pk].status for c in (waiting, public, bystander)] == [
            "spam",
            "approved",
            "pending",
        ]
        again, spammed = BannedCommenter.ban(["troll@example.org"], moderator, "Again")
        assert (again, spammed) == (bans, [])
        assert BannedCommenter.objects.get().reason == "Threats"

    def test_a_ban_without_a_reason_logs_the_same_reason_as_the_rules(self, moderator, article):
        waiting = add_comment(article, status="pending", email="troll@example.org")
        BannedCommenter.ban(["troll@example.org"], moderator)
        assert waiting.log.get().reason == "Banned commenter"

    @pytest.mark.parametrize("permissions", [[], ["moderate_comment"]])
    def test_only_those_who_may_moderate_and_add_bans_may_ban(
        self, client, make_user, article, permissions
    ):
        user = make_user("desk")
        user.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label="comments", codename__in=["view_comment", *permissions]
            )
        )
        comment = add_comment(article, status="pending", email="troll@example.org")
        with pytest.raises(PermissionDenied):
            BannedCommenter.ban(["troll@example.org"], user, comments=[comment])
        client.force_login(user)
        action_form = client.get(QUEUE).context["action_form"]
        offered = dict(action_form.fields["action"].choices) if action_form else {}
        assert "ban_commenters" not in offered
        run_action(client, "ban_commenters", [comment])
        assert not BannedCommenter.objects.exists()
        comment.refresh_from_db()
        assert comment.status == "pending"
        assert not comment.log.exists()


class TestReports:
    def report(self, client, comment, reason="abuse", ip="10.0.0.1"):
        return client.post(
            reverse("comments:report", args=[comment.pk]), {"reason": reason}, REMOTE_ADDR=ip
        )

    def test_enough_reports_send_a_comment_back_to_the_queue(self, client, article, settings):
        settings.COMMENTS_REPORT_THRESHOLD = 3
        comment = add_comment(article, text="Contested words")
        self.report(client, comment, "abuse", "10.0.1.1")
        self.report(client, comment, "spam", "10.0.2.1")
        comment.refresh_from_db()
        assert comment.status == "approved"
        self.report(client, comment, "abuse", "10.0.3.1")
        comment.refresh_from_db()
        assert comment.status == "pending"
        assert comment.held_reason == (
            "Reported 3 times: abusive or hateful (2), spam or advertising (1)"
        )
        entry = comment.log.get()
        assert (entry.user, entry.to_status) == (None, "pending")
        assert "Contested words" not in client.get(article.get_absolute_url()).content.decode()

    def test_after_a_moderator_keeps_it_only_new_reports_count(
        self, client, article, moderator, settings
    ):
        settings.COMMENTS_REPORT_THRESHOLD = 2
        comment = add_comment(article)
        self.report(client, comment, ip="10.0.1.1")
        self.report(client, comment, ip="10.0.2.1")
        comment.refresh_from_db()
        comment.approve(moderator, "Robust but fair")
        self.report(client, comment, ip="10.0.3.1")
        comment.refresh_from_db()
        assert comment.status == "approved"
        self.report(client, comment, ip="10.0.4.1")
        comment.refresh_from_db()
        assert comment.status == "pending"

    def test_one_address_counts_once(self, client, article, settings):
        settings.COMMENTS_REPORT_THRESHOLD = 2
        comment = add_comment(article)
        for _ in range(3):
            self.report(client, comment)
        comment.refresh_from_db()
        assert comment.status == "approved"
        assert comment.reports.count() == 1

    @pytest.mark.parametrize(
        "addresses",
        [
            ["203.0.113.7", "203.0.113.8", "203.0.113.200"],
            ["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::3"],
        ],
        ids=["ipv4-slash-24", "ipv6-slash-64"],
    )
    def test_one_network_counts_once(self, client, article, settings, addresses):
        settings.COMMENTS_REPORT_THRESHOLD = 2
        comment = add_comment(article)
        for ip in addresses:
            self.report(client, comment, ip=ip)
        comment.refresh_from_db()
        assert comment.status == "approved"
        assert comment.reports.count() == 3  # moderators still see each of them
        self.report(client, comment, ip="198.51.100.9")
        comment.refresh_from_db()
        assert comment.status == "pending"

    def test_reports_from_commenters_with_approved_history_weigh_more(
        self, client, article, settings
    ):
        settings.COMMENTS_REPORT_THRESHOLD = 3
        settings.COMMENTS_REPORT_COMMENTER_WEIGHT = 2
        comment = add_comment(article, text="Contested words")
        add_comment(article, email="regular@example.org")
        regular = Client()
        prove_address(regular, "regular@example.org")
        self.report(regular, comment, ip="198.51.100.9")
        assert comment.reports.get().weight == 2
        self.report(client, comment, ip="203.0.113.7")
        comment.refresh_from_db()
        assert comment.status == "pending"

    def test_a_proved_address_without_approved_comments_weighs_as_anyone(
        self, client, article, settings
    ):
        settings.COMMENTS_REPORT_THRESHOLD = 3
        comment = add_comment(article)
        add_comment(article, email="newcomer@example.org", status="pending")
        newcomer = Client()
        prove_address(newcomer, "newcomer@example.org")
        self.report(newcomer, comment, ip="198.51.100.9")
        self.report(client, comment, ip="203.0.113.7")
        comment.refresh_from_db()
        assert comment.status == "approved"

    def test_reports_store_no_address(self, client, article):
        comment = add_comment(article)
        self.report(client, comment, ip="192.0.2.44")
        assert "192.0.2.44" not in Report.objects.get().ip_hash

    def test_hidden_comments_cannot_be_reported(self, client, article):
        comment = add_comment(article, status="pending")
        assert self.report(client, comment).status_code == 404

    def test_reader_is_thanked(self, client, article):
        comment = add_comment(article)
        response = client.post(
            reverse("comments:report", args=[comment.pk]), {"reason": "spam"}, follow=True
        )
        assert "A moderator will look at this comment." in response.content.decode()


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
