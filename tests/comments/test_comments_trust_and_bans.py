"""Trusted commenters get through at once; banned ones never do, and a ban spams what waits."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles.models import CommentPolicy
from comments.models import BannedCommenter, Comment
from tests.comments.moderation_queue import QUEUE, run_action
from tests.factories import add_comment, post_comment, prove_address

pytestmark = pytest.mark.django_db


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
