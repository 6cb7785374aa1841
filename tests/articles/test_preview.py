import pytest
from django.urls import reverse

from tests.factories import article_in_state

pytestmark = pytest.mark.django_db


def test_staff_preview_a_draft_as_readers_will_see_it(client, reporter, make_article):
    draft = make_article(headline="Not yet", credits=[("reporting", "Ann One", "Kyiv", "")])
    client.force_login(reporter)
    response = client.get(reverse("articles:preview", args=[draft.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Not yet" in page and "(Reporting by Ann One in Kyiv)" in page
    assert "Readers cannot see this page yet" in page
    assert "Not yet published" in page and '<time datetime="">' not in page
    assert 'action="/articles/' not in page  # no comment form on a story nobody can read


@pytest.mark.parametrize(
    ("state", "says"),
    [("scheduled", "Scheduled for"), ("embargoed", "Embargoed until"), ("review", "")],
)
def test_the_preview_says_when_readers_will_see_it(client, editor, state, says):
    article = article_in_state(state)
    client.force_login(editor)
    page = client.get(reverse("articles:preview", args=[article.pk])).content.decode()
    assert "Not yet published" in page and says in page
    assert "Readers can comment once the story is published." in page


def test_the_preview_of_a_live_story_is_the_readers_page(client, editor, publish):
    live = publish(headline="Out there")
    client.force_login(editor)
    page = client.get(reverse("articles:preview", args=[live.pk])).content.decode()
    assert "Not yet published" not in page and "Add a comment" in page


def test_nobody_else_can_preview_and_the_public_page_does_not_exist(client, make_article):
    draft = make_article(headline="Not yet")
    preview = reverse("articles:preview", args=[draft.pk])
    assert client.get(preview).status_code == 302
    client.force_login(make_reader())
    assert client.get(preview).status_code == 302
    assert client.get(draft.get_absolute_url()).status_code == 404


def make_reader():
    from django.contrib.auth.models import User

    return User.objects.create_user("reader", "reader@example.com", "pw")


def test_no_cache_keeps_a_preview(client, editor, make_article):
    draft = make_article(headline="Not for sharing")
    client.force_login(editor)
    response = client.get(reverse("articles:preview", args=[draft.pk]))
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= control and "public" not in control
