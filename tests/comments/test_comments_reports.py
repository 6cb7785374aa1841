"""
Readers report comments: enough reports, counted once per address and once per network,
send a comment back to the queue.
"""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Report
from tests.factories import add_comment, prove_address

pytestmark = pytest.mark.django_db


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
