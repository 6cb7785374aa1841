import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article


def found(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return [a.headline for a in response.context["articles"]]


def test_search_finds_words_in_headline_standfirst_and_body(client, publish):
    publish(headline="Harbour fraud trial opens")
    publish(headline="Court news", standfirst="The harbour board is on trial.")
    publish(headline="Local news", body="<p>Questions about the harbour contracts.</p>")
    publish(headline="Weather", body="<p>Rain tomorrow.</p>")
    assert sorted(found(client, "harbour")) == [
        "Court news",
        "Harbour fraud trial opens",
        "Local news",
    ]


def test_every_word_must_match(client, publish):
    publish(headline="Harbour fraud trial opens")
    publish(headline="Harbour festival")
    assert found(client, "harbour fraud") == ["Harbour fraud trial opens"]


def test_query_is_kept_in_the_search_box(client, publish):
    response = client.get("/search/", {"q": 'asylum "norway'})
    html = response.content.decode()
    assert 'name="q" value="asylum &quot;norway"' in html


def test_empty_query_finds_nothing_and_says_nothing(client, publish):
    publish(headline="Something")
    assert found(client, "   ") == []


def test_results_are_paginated_and_keep_the_query(client, publish):
    for n in range(25):
        publish(headline=f"Budget story {n}", hours_ago=n + 1)
    first = client.get("/search/", {"q": "budget"})
    assert len(first.context["articles"]) == 20
    assert "?q=budget&amp;page=2" in first.content.decode()
    second = client.get("/search/", {"q": "budget", "page": 2})
    assert len(second.context["articles"]) == 5


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking needs PostgreSQL")
def test_headline_matches_rank_above_body_matches(client, publish):
    publish(headline="Weather", body="<p>Some words about a pipeline.</p>", hours_ago=1)
    publish(headline="Pipeline deal signed", hours_ago=10)
    assert found(client, "pipeline") == ["Pipeline deal signed", "Weather"]


def test_search_is_a_queryset_method(publish):
    publish(headline="Arctic border crossing")
    assert [a.headline for a in Article.objects.published().search("arctic")] == [
        "Arctic border crossing"
    ]
    assert not Article.objects.published().search("").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index exists on PostgreSQL only")
def test_full_text_search_can_use_its_index(publish):
    publish(headline="Arctic border crossing")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    with CaptureQueriesContext(connection) as ran:
        Article.objects.search("arctic")  # looks up the candidates to rank
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + ran.captured_queries[0]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_search_stored" in plan


def test_search_finds_an_article_by_its_words_as_edited(publish):
    article = publish(headline="Harbour reopens", body="<p>Ferries sail again.</p>")
    article.headline = "Harbour closes"
    article.body = "<p>Storm warning.</p>"
    article.save()
    assert list(Article.objects.search("storm")) == [article]
    assert not Article.objects.search("ferries").exists()
    Article.objects.filter(pk=article.pk).update(standfirst="Lighthouse keepers stay")
    assert list(Article.objects.search("lighthouse")) == [article]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking needs PostgreSQL")
def test_only_the_newest_matches_are_ranked_however_many_stories_do_not_match(
    client, publish, monkeypatch
):
    from articles import search

    monkeypatch.setattr(search, "CANDIDATES", 2)
    publish(headline="Glacier melt measured", hours_ago=50)
    for n in range(3):
        publish(headline=f"Harbour news {n}", hours_ago=n + 1)
    assert found(client, "glacier") == ["Glacier melt measured"]
    for n in range(3):
        publish(headline=f"Glacier update {n}", hours_ago=n + 10)
    # The two newest matches, ranked; the oldest is past the bound.
    assert sorted(found(client, "glacier")) == ["Glacier update 0", "Glacier update 1"]
