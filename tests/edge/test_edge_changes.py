"""Through the real Varnish: a change reaches readers of kept pages on the next request."""

import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import CommentPolicy
from tests import factories
from tests.edge.through import get

pytestmark = [
    # The groups and permissions the migrations made are put back after each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # The origin's cache in memory, then on Redis with each process's own copies.
    pytest.mark.usefixtures("each_shared_cache"),
]


def kept_at_edge(edge, path):
    """The page, asked for twice: the second answer comes from the edge."""
    get(edge, path)
    answer = get(edge, path)
    assert answer.from_edge, (path, answer.status, dict(answer.headers))
    return answer


def test_an_edited_story_changes_at_the_edge_on_the_next_request(edge, publish):
    story = publish(headline="Harbour fraud trial opens", comment_policy=CommentPolicy.CLOSED)
    page = f"/articles/{story.slug}/"
    assert "Harbour fraud trial opens" in kept_at_edge(edge, page).text
    kept_at_edge(edge, "/section/world/")

    story.headline = "Harbour fraud trial adjourned"
    story.save()

    answer = get(edge, page)
    assert "Harbour fraud trial adjourned" in answer.text
    assert not answer.from_edge
    assert "Harbour fraud trial adjourned" in get(edge, "/section/world/").text
    assert get(edge, page).from_edge  # kept again


def test_a_withdrawn_story_is_gone_from_the_edge_at_once(edge, publish, editor):
    story = publish(headline="Mayor resigns", comment_policy=CommentPolicy.CLOSED)
    page, ninjs = f"/articles/{story.slug}/", f"/articles/{story.slug}/ninjs.json"
    kept_at_edge(edge, page)
    assert json.loads(kept_at_edge(edge, ninjs).body)["pubstatus"] == "usable"

    story.withdraw(by=editor, note="Legal advice")

    assert get(edge, page).status == 410
    notice = json.loads(get(edge, ninjs).body)
    assert notice["pubstatus"] == "canceled"
    assert "headline" not in notice
    assert "Mayor resigns" not in get(edge, "/section/world/").text


def test_an_embargoed_story_appears_at_its_time(edge, publish):
    lifts = timezone.now() + timedelta(seconds=2)
    story = publish(headline="Rates held at four percent", comment_policy=CommentPolicy.CLOSED)
    story.embargo_until = lifts
    story.first_published_at = lifts
    story.save()
    page = f"/articles/{story.slug}/"
    assert get(edge, page).status == 404
    section = kept_at_edge(edge, "/section/world/")
    assert "Rates held at four percent" not in section.text

    time.sleep(max(0, (lifts - timezone.now()).total_seconds()) + 0.2)

    assert "Rates held at four percent" in get(edge, "/section/world/").text
    assert get(edge, page).status == 200


def test_a_comment_approved_shows_on_the_next_request(edge, publish, moderator):
    story = publish(headline="Ferry timetable changes", comment_policy=CommentPolicy.PRE_MODERATED)
    comment = factories.add_comment(
        story, status="pending", text="The early ferry matters to commuters."
    )
    page = f"/articles/{story.slug}/"
    assert "The early ferry matters" not in get(edge, page).text
    kept_at_edge(edge, "/section/world/")

    comment.approve(by=moderator)

    assert "The early ferry matters to commuters." in get(edge, page).text
