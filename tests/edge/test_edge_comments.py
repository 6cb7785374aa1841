"""Through the real Varnish: a story with its comment form open is kept at the edge, and
readers comment through it, with their script's token or, without one, by answering
"Post this comment?"."""

import json
import re
import time
import urllib.parse

import pytest

from articles.models import CommentPolicy
from comments.models import Comment
from tests.edge.through import get

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def csrf_cookie(answer):
    return re.search(r"csrftoken=([^;]+)", answer.headers["Set-Cookie"]).group(1)


def post(edge, path, fields, cookies=None):
    data = urllib.parse.urlencode(fields).encode()
    return get(edge, path, cookies=cookies, method="POST", data=data)


@pytest.fixture
def story(publish, settings):
    settings.COMMENTS_MIN_SECONDS = 0
    return publish(headline="Ferry timetable changes", comment_policy=CommentPolicy.PRE_MODERATED)


def typed(text):
    return {"name": "Ada Reader", "email": "ada@example.org", "text": text, "website": ""}


def test_a_story_open_to_comments_is_kept_at_the_edge_without_a_cookie(edge, story):
    page = f"/articles/{story.slug}/"
    get(edge, page)
    answer = get(edge, page)
    assert answer.from_edge and "Add a comment" in answer.text
    assert "Set-Cookie" not in answer.headers and "csrfmiddlewaretoken" not in answer.text


def test_a_reader_with_scripts_comments_through_the_edge(edge, story):
    page = f"/articles/{story.slug}/"
    get(edge, page)
    values_url = re.search(r'data-reader-values="([^"]+)"', get(edge, page).text).group(1)
    values = get(edge, values_url)
    assert not values.from_edge and not get(edge, values_url).from_edge
    token = json.loads(values.body)
    time.sleep(0.1)
    posted = post(
        edge,
        f"/articles/{story.slug}/comments/",
        {**typed("Through the edge, with scripts."), **token},
        cookies={"csrftoken": csrf_cookie(values)},
    )
    assert posted.status == 302
    assert Comment.objects.filter(text="Through the edge, with scripts.").exists()


def test_a_reader_without_scripts_comments_through_the_edge(edge, story):
    address = f"/articles/{story.slug}/comments/"
    asked = post(edge, address, typed("Through the edge, no scripts."))
    assert asked.status == 200 and "Post this comment?" in asked.text
    assert not Comment.objects.exists()
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|timestamp)" value="([^"]+)"', asked.text))
    posted = post(
        edge,
        address,
        {**typed("Through the edge, no scripts."), **fields},
        cookies={"csrftoken": csrf_cookie(asked)},
    )
    assert posted.status == 302
    assert Comment.objects.filter(text="Through the edge, no scripts.").exists()
