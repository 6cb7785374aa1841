"""
The admin's search boxes for a related object (autocomplete), sent back with a value that
is no id: the form is shown again saying so, never a server error.
"""

import pytest
from django.urls import reverse

from live.models import LiveCoverage
from tests.factories import contributor, form_values, library_picture

pytestmark = pytest.mark.django_db

NOT_IDS = [":", "Ann Lens", "1.5", "-1", str(2**70)]


@pytest.fixture
def pages(publish):
    story = publish(headline="Storm reaches the coast", slug="storm")
    ann = contributor("Ann Fuzz")
    story.credits.create(contributor=ann, role="reporting", position=0)
    return {
        "article": (reverse("admin:articles_article_change", args=[story.pk]), "lead_image"),
        "credit": (
            reverse("admin:articles_article_change", args=[story.pk]),
            "credits-0-contributor",
        ),
        "contributor": (reverse("admin:articles_contributor_change", args=[ann.pk]), "photo"),
        "picture": (
            reverse("admin:library_libraryimage_change", args=[library_picture().pk]),
            "photographer",
        ),
        "front page": (reverse("admin:articles_frontpageslot_add"), "article"),
    }


@pytest.mark.parametrize("box", ["article", "credit", "contributor", "picture", "front page"])
@pytest.mark.parametrize("sent", NOT_IDS)
def test_a_search_box_sent_back_with_no_id_says_so(client, editor, pages, box, sent):
    client.force_login(editor)
    url, name = pages[box]
    response = client.post(url, {**form_values(client.get(url)), name: sent})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


@pytest.mark.parametrize("sent", NOT_IDS)
def test_a_choice_of_topics_sent_with_no_id_says_so(client, editor, publish, sent):
    story = publish(headline="Storm reaches the coast", slug="storm")
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[story.pk])
    response = client.post(url, {**form_values(client.get(url)), "topics": [sent]})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


@pytest.mark.parametrize("sent", NOT_IDS)
def test_a_live_post_s_reporters_sent_with_no_id_say_so(client, editor, publish, sent):
    story = publish(headline="Storm reaches the coast", slug="storm")
    LiveCoverage.start(story, editor)
    client.force_login(editor)
    url = reverse("admin:articles_article_live", args=[story.pk, "post"])
    response = client.post(url, {"live-body": "<p>Rain.</p>", "live-reporters": [sent]})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not story.live_posts.exists()
