"""Every address readers were given keeps answering: an old slug redirects to the new one."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Section
from tests.factories import contributor, save_through_admin

pytestmark = pytest.mark.django_db


def renamed(article, slug):
    article.slug = slug
    article.save()
    return article


def assert_moved(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new
    return response


@pytest.fixture
def story(publish):
    return publish(
        headline="Harbour strike ends",
        slug="harbour-strike",
        credits=[("reporting", "Ann One", "Oslo", "")],
    )


def test_a_published_story_renamed_in_the_admin_keeps_its_old_addresses(client, editor, story):
    client.force_login(editor)
    save_through_admin(client, story, slug="harbour-strike-ends")
    client.logout()
    assert_moved(client, "/articles/harbour-strike/", "/articles/harbour-strike-ends/")
    assert_moved(
        client, "/articles/harbour-strike/ninjs.json", "/articles/harbour-strike-ends/ninjs.json"
    )
    assert_moved(client, "/articles/harbour-strike/?utm=x", "/articles/harbour-strike-ends/?utm=x")
    assert client.get("/articles/harbour-strike-ends/").status_code == 200


def test_every_slug_it_ever_had_goes_straight_to_the_current_one(client, story):
    renamed(renamed(story, "second"), "third")
    assert_moved(client, "/articles/harbour-strike/", "/articles/third/")
    assert_moved(client, "/articles/second/", "/articles/third/")
    renamed(story, "harbour-strike")  # back to the first: its own page again, no loop
    assert client.get("/articles/harbour-strike/").status_code == 200
    assert_moved(client, "/articles/third/", "/articles/harbour-strike/")


def test_sections_and_contributors_keep_their_pages_and_feeds(client, story):
    section = Section.objects.get(slug="world")
    section.slug = "international"
    section.save()
    person = contributor("Ann One")
    person.slug = "ann-one-oslo"
    person.save()
    for old, new in [
        ("/section/world/", "/section/international/"),
        ("/section/world/rss/", "/section/international/rss/"),
        ("/section/world/atom/", "/section/international/atom/"),
        ("/contributor/ann-one/", "/contributor/ann-one-oslo/"),
        ("/contributor/ann-one/rss/", "/contributor/ann-one-oslo/rss/"),
        ("/contributor/ann-one/atom/", "/contributor/ann-one-oslo/atom/"),
    ]:
        assert_moved(client, old, new)
        assert client.get(new).status_code == 200


def test_a_withdrawn_story_s_old_address_leads_to_its_notice(client, editor, story):
    renamed(story, "harbour-strike-ends")
    story.withdraw(editor, "Legal advice")
    response = assert_moved(client, "/articles/harbour-strike/", "/articles/harbour-strike-ends/")
    assert client.get(response["Location"]).status_code == 410


def test_old_addresses_of_stories_readers_never_saw_say_nothing(client, editor, make_article):
    draft = renamed(make_article(headline="Draft", slug="draft-one"), "draft-two")
    embargoed = make_article(
        headline="Rates", slug="rates", embargo_until=timezone.now() + timedelta(hours=2)
    )
    embargoed.publish(editor)
    renamed(embargoed, "rates-decision")
    for old in ("/articles/draft-one/", "/articles/rates/", "/articles/rates/ninjs.json"):
        assert client.get(old).status_code == 404, old
    embargoed.withdraw(editor, "Pulled")  # never released: no address of it answers
    assert client.get("/articles/rates/").status_code == 404
    assert draft.slug == "draft-two"


def test_a_story_living_at_an_old_address_is_served_and_new_slugs_avoid_old_ones(
    client, publish, story
):
    renamed(story, "harbour-strike-ends")
    assert Article.objects.unique_slug("harbour-strike") == "harbour-strike-2"
    newcomer = publish(headline="Another strike", slug="harbour-strike")
    response = client.get("/articles/harbour-strike/")
    assert response.status_code == 200 and "Another strike" in response.content.decode()
    assert newcomer.slug == "harbour-strike"
