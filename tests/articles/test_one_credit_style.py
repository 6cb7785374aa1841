"""One choice of credit style and its place names for every line a story writes: its
footer, a live post's credits and the admin's preview of unsaved credits."""

import pytest
from django.urls import reverse

from live.models import LiveCoverage
from tests.factories import contributor

pytestmark = pytest.mark.django_db

FROM_MOSCOW = [("reporting", "Guy Faulconbridge", "Moscow", "")]


def test_a_french_live_post_writes_its_place_as_the_footer_does(publish, editor):
    story = publish(headline="La tempête arrive", language="fr", credits=FROM_MOSCOW)
    coverage = LiveCoverage.start(story, editor)
    post = coverage.add_post(
        editor,
        "<p>Les ferries sont à quai.</p>",
        credits=[("reporting", contributor("Guy Faulconbridge"), "Moscow")],
    )
    post.refresh_from_db()
    assert "à Moscou" in story.credit_line
    assert post.credit_line == story.write_credit_line(FROM_MOSCOW)
    assert "à Moscou" in post.credit_line and "Moscow" not in post.credit_line


def test_a_french_preview_in_the_admin_writes_its_place_as_the_footer_does(client, editor):
    client.force_login(editor)
    guy = contributor("Guy Faulconbridge")
    query = {"language": "fr", "role": "reporting", "contributor": guy.pk, "place": "Moscow"}
    query["into"] = ""
    line = client.get(reverse("admin:articles_article_credit_line"), query).json()["line"]
    assert "à Moscou" in line and "Moscow" not in line


def test_an_english_line_keeps_the_newsrooms_own_names(publish):
    story = publish(headline="The storm arrives", credits=FROM_MOSCOW)
    assert "in Moscow" in story.credit_line
