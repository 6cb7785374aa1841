"""
A list action in the admin sent with ticked values that are no ids (empty, a word, a number
larger than any id): they tick nothing, never a server error.
"""

import pytest
from django.urls import reverse

from comments.models import Comment
from tests.factories import add_comment

pytestmark = pytest.mark.django_db

NOT_IDS = ["", "one", "1.5", str(2**63), str(2**70)]


@pytest.mark.parametrize("sent", NOT_IDS)
def test_a_comment_action_on_no_id_ticks_nothing(client, editor, article, sent):
    comment = add_comment(article, status=Comment.Status.PENDING)
    client.force_login(editor)
    url = reverse("admin:comments_comment_changelist")
    alone = {"action": "approve_selected", "_selected_action": [sent], "index": "0"}
    page = client.post(url, alone, follow=True)
    assert page.status_code == 200
    assert "Items must be selected" in page.content.decode()
    with_it = {**alone, "_selected_action": [sent, str(comment.pk)]}
    assert client.post(url, with_it).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


@pytest.mark.parametrize("sent", NOT_IDS)
def test_an_article_action_on_no_id_ticks_nothing(client, editor, make_article, sent):
    client.force_login(editor)
    url = reverse("admin:articles_article_changelist")
    data = {"action": "create_translation", "_selected_action": [sent], "index": "0"}
    page = client.post(url, data, follow=True)
    assert page.status_code == 200
    assert "Items must be selected" in page.content.decode()


# The other lists an editor or moderator works in, each with Django's "Delete selected".
LISTS = [
    "articles_section",
    "articles_topic",
    "articles_contributor",
    "articles_creditstyle",
    "articles_place",
    "articles_frontpageslot",
    "articles_breakingnews",
    "library_libraryimage",
    "comments_bannedword",
    "comments_bannedcommenter",
    "wire_wireagency",
]


@pytest.mark.parametrize("model", LISTS)
def test_deleting_no_id_ticks_nothing(client, people, model):
    client.force_login(people["superuser"])
    url = reverse(f"admin:{model}_changelist")
    data = {"action": "delete_selected", "_selected_action": [":", str(2**70)], "index": "0"}
    page = client.post(url, data, follow=True)
    assert page.status_code == 200
    assert "Items must be selected" in page.content.decode()
