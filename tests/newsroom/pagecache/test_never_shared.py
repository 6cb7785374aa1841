"""
Staff and commenters: never someone else's cached copy, never theirs for others.
"""

from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import form_data
from tests.newsroom.pagecache.freshness import warm


def test_staff_never_get_the_anonymous_copy_nor_leave_theirs(live, editor):
    url = live.get_absolute_url()
    warm([url, "/"])
    staff = Client()
    staff.force_login(editor)
    page = staff.get(url)
    assert "You are commenting as" in page.content.decode()
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert "no-store" in staff.get("/")["Cache-Control"]
    assert "You are commenting as" not in Client().get(url).content.decode()


def test_a_commenter_sees_their_waiting_comment_and_nobody_else_does(live):
    url = live.get_absolute_url()
    warm([url])
    reader = Client(enforce_csrf_checks=True)
    reader.get(url)
    token = reader.get(reverse("comments:form-values", args=[live.pk])).json()
    posted = reader.post(
        reverse("comments:post", args=[live.slug]),
        {**form_data(live, text="Waiting for a moderator."), **token},
    )
    assert posted.status_code == 302
    own = reader.get(url)
    assert "Waiting for a moderator." in own.content.decode()
    assert "no-store" in own["Cache-Control"]
    assert "Waiting for a moderator." not in Client().get(url).content.decode()


def test_a_comment_waiting_for_moderation_leaves_cached_pages_alone(
    live, django_assert_num_queries
):
    url = live.get_absolute_url()
    warm([url, "/"])
    reader = Client()
    reader.post(reverse("comments:post", args=[live.slug]), form_data(live, text="New here."))
    assert Comment.objects.get(text="New here.").status == Comment.Status.PENDING
    with django_assert_num_queries(0):
        Client().get(url)
        Client().get("/")
