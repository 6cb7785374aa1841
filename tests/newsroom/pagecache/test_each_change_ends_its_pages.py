"""
Each change ends only the pages that show it: other stories' pages stay cached, and a
page rendered while its own story changed is not kept.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from tests.factories import make_section
from tests.newsroom.pagecache.freshness import assert_fresh, pages, warm

pytestmark = pytest.mark.usefixtures("each_shared_cache")


@pytest.fixture
def elsewhere(publish):
    """A story in another section, sharing nothing with `live`."""
    return publish(
        headline="Orchard harvest starts early",
        slug="orchard",
        section=make_section("Science", "science"),
        credits=[("reporting", "Ola Nordmann", "Bergen", "")],
    )


def served_from_cache(url):
    return Client().get(url)["X-Page-Cache"] in ("hit", "hit-local")


def test_a_change_to_one_story_leaves_other_stories_pages_cached(
    live, elsewhere, editor, moderator, django_assert_num_queries
):
    theirs = [elsewhere.get_absolute_url(), elsewhere.section.get_absolute_url()]
    warm([*theirs, live.get_absolute_url()])
    live.headline = "Harbour fraud trial adjourned"
    live.save()
    live.record_update(editor, minor=False)
    live.add_correction(editor, "The judge's name is spelt Ahlberg.")
    Comment.objects.create(
        article=live, name="Bo", email="bo@example.org", text="Which court?"
    ).approve(moderator)
    with django_assert_num_queries(0):
        assert all(served_from_cache(url) for url in theirs)
    assert not served_from_cache(live.get_absolute_url())


def edited_while_rendering(monkeypatch, story):
    """Each render of an article page saves ``story`` halfway, as a busy desk would."""
    from articles.views import ArticleDetailView

    render = ArticleDetailView.get_context_data

    def get_context_data(view, **kwargs):
        story.headline += "!"
        story.save()
        return render(view, **kwargs)

    monkeypatch.setattr(ArticleDetailView, "get_context_data", get_context_data)


def test_a_page_rendered_while_another_story_changes_is_kept(live, elsewhere, monkeypatch):
    edited_while_rendering(monkeypatch, elsewhere)
    assert Client().get(live.get_absolute_url())["X-Page-Cache"] == "miss"
    assert served_from_cache(live.get_absolute_url())


def test_a_page_rendered_while_its_story_changes_is_not_kept(live, monkeypatch):
    edited_while_rendering(monkeypatch, live)
    assert Client().get(live.get_absolute_url())["X-Page-Cache"] == "miss"
    assert not served_from_cache(live.get_absolute_url())


def test_editing_a_story_leaves_the_schedule_alone_unless_its_release_moves(
    live, elsewhere, publish, django_assert_num_queries
):
    scheduled = publish(headline="Budget day", slug="budget", hours_ago=-5)
    warm([elsewhere.get_absolute_url()])
    live.headline = "Harbour fraud trial adjourned"
    live.save()
    with django_assert_num_queries(0):  # no look at the schedule before the hit
        assert served_from_cache(elsewhere.get_absolute_url())
    scheduled.publish_at = timezone.now() + timedelta(hours=1)  # brought forward
    scheduled.save()
    with CaptureQueriesContext(connection) as looked:
        assert served_from_cache(elsewhere.get_absolute_url())
    assert looked.captured_queries, "a new release time is looked at before the next hit"


def test_a_comment_ends_the_pages_showing_it_or_its_count_only(live, publish, moderator, settings):
    neighbour = publish(headline="Second harbour story", slug="neighbour", hours_ago=1)
    # The neighbour's page lists `live` among related stories, without its comment count.
    assert (
        "Harbour fraud trial opens" in Client().get(neighbour.get_absolute_url()).content.decode()
    )
    urls = [neighbour.get_absolute_url(), live.get_absolute_url(), "/"]
    warm(urls)
    Comment.objects.create(
        article=live, name="Bo", email="bo@example.org", text="Which court?"
    ).approve(moderator)
    assert served_from_cache(neighbour.get_absolute_url())
    bodies = assert_fresh(settings, [live.get_absolute_url(), "/"])
    assert "Which court?" in bodies[live.get_absolute_url()] and "2 comments" in bodies["/"]


def test_renaming_a_contributor_reaches_every_page_naming_them(live, settings):
    urls = pages(live)
    warm(urls)
    guy = live.credits.get(role="reporting").contributor
    guy.name = "Guy Faulconbridge-Lee"
    guy.save()
    bodies = assert_fresh(settings, urls)
    for url in (live.get_absolute_url(), "/contributor/guy-faulconbridge/", "/feeds/rss/"):
        assert "Guy Faulconbridge-Lee" in bodies[url], url


def test_renaming_a_section_reaches_every_page(live, elsewhere, settings):
    urls = [*pages(live), elsewhere.get_absolute_url()]
    warm(urls)
    live.section.name = "Worldwide"
    live.section.save()
    bodies = assert_fresh(settings, urls)
    assert "Worldwide" in bodies[elsewhere.get_absolute_url()]  # in the navigation


def test_a_credit_style_change_reaches_the_credit_lines(live, settings):
    from articles.models import CreditPhrase

    urls = [live.get_absolute_url(), "/feeds/atom/"]
    warm(urls)
    CreditPhrase.objects.filter(style__name="English wire", role="reporting").update(
        label="Reported by"
    )
    CreditPhrase.objects.filter(style__name="English wire", role="reporting").first().save()
    bodies = assert_fresh(settings, urls)
    assert "(Reported by Guy Faulconbridge in Oslo" in bodies[live.get_absolute_url()]


def test_a_new_credit_reaches_the_contributors_pages(live, settings):
    from articles.models import Credit, Role
    from tests.factories import contributor

    urls = [*pages(live), "/contributor/ola-nordmann/"]
    ola = contributor("Ola Nordmann")
    warm(urls)
    Credit.objects.create(article=live, contributor=ola, role=Role.PHOTOGRAPHY, position=5)
    bodies = assert_fresh(settings, urls)
    assert "harbour" in bodies["/contributor/ola-nordmann/"]
    assert "ola-nordmann" in bodies["/sitemap-contributors.xml"]


def test_moving_a_story_reaches_both_sections(live, elsewhere, settings):
    urls = [live.section.get_absolute_url(), elsewhere.section.get_absolute_url()]
    warm(urls)
    live.section = elsewhere.section
    live.save()
    bodies = assert_fresh(settings, urls)
    assert "harbour" in bodies[elsewhere.section.get_absolute_url()]
    assert "harbour" not in bodies[urls[0]]


def test_a_published_translation_reaches_its_original(live, translator, editor, settings):
    warm([live.get_absolute_url()])
    french = live.create_translation(translator, "fr")
    assert served_from_cache(live.get_absolute_url())  # a draft shows nowhere
    french.publish(editor)
    body = assert_fresh(settings, [live.get_absolute_url()])[live.get_absolute_url()]
    assert 'hreflang="fr"' in body
