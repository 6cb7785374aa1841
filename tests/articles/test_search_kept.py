"""
What a search finds is kept per query, so a popular query asks the database only for the
page of stories it shows; a change readers would notice shows in results at once.
"""

import pytest
from django.test import Client

from articles import search


@pytest.fixture(autouse=True)
def searches_kept(settings):
    settings.PAGE_CACHE_SECONDS = 0  # each request reaches the search page itself
    settings.FRAGMENT_CACHE_SECONDS = 300


def found(query, **params):
    response = Client().get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return [story.headline for story in response.context["articles"]]


@pytest.fixture
def looked_up(monkeypatch):
    """The queries search ran against the whole archive."""
    queries = []
    matching = search.matching

    def counted(queryset, query):
        queries.append(query)
        return matching(queryset, query)

    monkeypatch.setattr(search, "matching", counted)
    return queries


def test_a_query_asked_again_is_not_looked_up_again(publish, looked_up):
    publish(headline="Glacier melt measured")
    assert found("glacier melt") == ["Glacier melt measured"]
    assert found("  Glacier   MELT ") == ["Glacier melt measured"]
    assert found("glacier melt", page=1) == ["Glacier melt measured"]
    assert looked_up == ["glacier melt"]


def test_a_newly_published_story_is_found_at_once(publish, make_article, editor):
    publish(headline="Glacier melt measured", hours_ago=5)
    assert found("glacier") == ["Glacier melt measured"]
    publish(headline="Glacier retreat speeds up", hours_ago=1)
    assert found("glacier") == ["Glacier retreat speeds up", "Glacier melt measured"]
    draft = make_article(headline="Glacier draft")
    assert "Glacier draft" not in found("glacier")
    draft.publish(editor)
    assert "Glacier draft" in found("glacier")


def test_a_withdrawn_story_is_gone_from_results_at_once(publish, editor):
    kept = publish(headline="Glacier melt measured", hours_ago=5)
    gone = publish(headline="Glacier claim retracted", hours_ago=1)
    assert len(found("glacier")) == 2
    gone.withdraw(editor, "The measurements were wrong.")
    assert found("glacier") == [kept.headline]


def test_a_public_story_edited_to_match_is_found(publish):
    story = publish(headline="Harbour reopens")
    assert found("glacier") == []
    story.headline = "Harbour reopens as glacier ice melts"
    story.save()
    assert found("glacier") == ["Harbour reopens as glacier ice melts"]
    story.headline = "Harbour reopens"
    story.save()
    assert found("glacier") == []


def test_pages_of_kept_results(publish):
    for n in range(25):
        publish(headline=f"Budget story {n}", hours_ago=n + 1)
    response = Client().get("/search/", {"q": "budget"})
    assert len(response.context["articles"]) == 20
    assert "25 results" in response.content.decode()
    assert len(found("budget", page=2)) == 5
