"""
What each reader and desk page costs the database, with the page cache off.

Every page is measured with few rows and with many: the count must be the same
(no query per article, credit, comment or correction) and within its budget.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Correction
from comments.models import Comment, Report
from tests.factories import contributor

FEW, MANY = 2, 15
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # names have no digits
CREDITS = [
    ("reporting", "Guy Faulconbridge", "Moscow", ""),
    ("editing", "Blandine Hénault", "", ""),
]
EIGHT_CREDITS = [
    *CREDITS,
    *(
        ("additional_reporting", f"Reporter {LETTERS[n]}", f"Town {LETTERS[n]}", "")
        for n in range(5)
    ),
    ("translation", "Lina Golovnya", "", "fr"),
]

# The most queries each page may make, whatever it shows.
LIST_BUDGETS = {
    "/": 1,
    "/section/world/": 2,
    "/contributor/guy-faulconbridge/": 4,  # and one for the pictures they took
    "/search/?q=harbour": 0,  # the keys found and the page of results both kept
    "/feeds/rss/": 2,
    "/feeds/atom/": 2,
    "/section/world/rss/": 3,
    "/section/world/atom/": 3,
    "/contributor/guy-faulconbridge/rss/": 3,
    "/contributor/guy-faulconbridge/atom/": 3,
    "/corrections/": 2,
    "/corrections/rss/": 1,
    "/sitemap-articles.xml": 2,
    "/sitemap-news.xml": 1,
}
# Every part of the page worked out afresh (no part kept): the story, its topics, credits,
# corrections, other versions, related stories, comment threads, sections, banner.
FRESH_ARTICLE_BUDGET = 9
# A reader's next visit, the story itself kept: the story's row and its topics.
KEPT_ARTICLE_BUDGET = 2
NINJS_BUDGET = 4  # its topics are one query, however many
# Admin pages: each also counts the user's unread notices for the top navigation.
ARTICLE_CHANGELIST_BUDGET = 14
COMMENT_QUEUE_BUDGET = 8


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def stories(publish):
    """Published stories, each with credits, a translation, a comment and a correction."""

    def make(start, stop):
        for n in range(start, stop):
            story = publish(
                headline=f"Harbour story {n}", slug=f"harbour-{n}", credits=CREDITS, hours_ago=n + 1
            )
            publish(
                headline=f"Histoire du port {n}",
                slug=f"port-{n}",
                language="fr",
                translation_of=story,
                credits=CREDITS,
                hours_ago=n + 1,
            )
            Comment.objects.create(
                article=story, name="R", email="r@example.org", text="Hi.", status="approved"
            )
            Correction.objects.create(article=story, text=f"Fix {n}.")

    return make


def queries(client, url, budget, django_assert_max_num_queries):
    client.get(url)  # credit styles and renditions are cached after the first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    with django_assert_max_num_queries(budget):
        client.get(url)
    return len(captured)


@pytest.mark.parametrize("url", LIST_BUDGETS)
def test_list_pages_feeds_and_sitemaps_cost_the_same_for_few_or_many_stories(
    client, stories, url, django_assert_max_num_queries
):
    stories(0, FEW)
    few = queries(client, url, LIST_BUDGETS[url], django_assert_max_num_queries)
    stories(FEW, MANY)
    many = queries(client, url, LIST_BUDGETS[url], django_assert_max_num_queries)
    assert many == few
    assert f"harbour-{FEW}" in client.get(url).content.decode()


SITEMAP_INDEX_BUDGET = 5  # one more since topics have their sitemap


def test_sitemap_index_costs_the_same_for_few_or_many_stories(
    client, stories, django_assert_max_num_queries
):
    stories(0, FEW)
    few = queries(client, "/sitemap.xml", SITEMAP_INDEX_BUDGET, django_assert_max_num_queries)
    stories(FEW, MANY)
    many = queries(client, "/sitemap.xml", SITEMAP_INDEX_BUDGET, django_assert_max_num_queries)
    assert many == few
    assert "sitemap-articles.xml" in client.get("/sitemap.xml").content.decode()


def test_article_page_costs_the_same_with_credits_translations_comments_and_corrections(
    client, publish, settings, django_assert_max_num_queries
):
    settings.FRAGMENT_CACHE_SECONDS = 0  # every part rendered afresh, each time
    story = publish(headline="Harbour story", slug="harbour", credits=CREDITS[:1])
    url = story.get_absolute_url()
    few = queries(client, url, FRESH_ARTICLE_BUDGET, django_assert_max_num_queries)

    story.credits.all().delete()
    for position, (role, name, place, language) in enumerate(EIGHT_CREDITS):
        story.credits.create(
            contributor=contributor(name),
            role=role,
            place=place,
            language=language,
            position=position,
        )
    for language in ("fr", "de"):
        publish(headline=f"Harbour ({language})", language=language, translation_of=story)
    for n in range(10):
        top = Comment.objects.create(
            article=story, name=f"R{n}", email="r@example.org", text="A.", status="approved"
        )
        Comment.objects.create(
            article=story,
            parent=top,
            name=f"S{n}",
            email="s@example.org",
            text="B.",
            status="approved",
        )
    for n in range(3):
        Correction.objects.create(article=story, text=f"Fix {n}.")
    for n in range(5):
        publish(headline=f"Related {n}")
    many = queries(client, url, FRESH_ARTICLE_BUDGET, django_assert_max_num_queries)
    page = client.get(url).content.decode()
    assert "20 comments" in page and "Fix 2." in page and "Town E" in page
    assert many == few


def test_a_kept_story_reads_neither_its_credits_nor_its_corrections(
    client, publish, django_assert_max_num_queries
):
    story = publish(headline="Harbour story", slug="harbour", credits=CREDITS)
    Correction.objects.create(article=story, text="The harbour is in the north.")
    url = story.get_absolute_url()
    first = client.get(url).content.decode()
    with django_assert_max_num_queries(KEPT_ARTICLE_BUDGET):
        again = client.get(url).content.decode()
    assert again == first
    assert "Guy Faulconbridge" in again and "The harbour is in the north." in again


def test_ninjs_costs_the_same_for_one_or_many_credits(
    client, publish, django_assert_max_num_queries
):
    one = publish(slug="one", credits=CREDITS[:1])
    eight = publish(slug="eight", credits=EIGHT_CREDITS)
    url = reverse("wire:ninjs", args=[one.slug])
    few = queries(client, url, NINJS_BUDGET, django_assert_max_num_queries)
    url = reverse("wire:ninjs", args=[eight.slug])
    assert queries(client, url, NINJS_BUDGET, django_assert_max_num_queries) == few


def test_article_changelist_costs_the_same_for_few_or_many_rows(
    client, editor, make_article, django_assert_max_num_queries
):
    def articles(start, stop):
        for n in range(start, stop):
            make_article(
                credits=[
                    ("reporting", f"Reporter {LETTERS[n]}", "", ""),
                    ("editing", "Ed Itor", "", ""),
                ]
            )

    url = reverse("admin:articles_article_changelist")
    client.force_login(editor)
    articles(0, FEW)
    few = queries(client, url, ARTICLE_CHANGELIST_BUDGET, django_assert_max_num_queries)
    articles(FEW, MANY)
    many = queries(client, url, ARTICLE_CHANGELIST_BUDGET, django_assert_max_num_queries)
    assert many == few
    page = client.get(url).content.decode()
    for role, name in [("Reporting", f"Reporter {LETTERS[MANY - 1]}"), ("Editing", "Ed Itor")]:
        assert f'<span class="credit-role">{role}</span> {name}</span>' in page


def test_comment_queue_costs_the_same_for_few_or_many_comments(
    client, moderator, publish, django_assert_max_num_queries
):
    def waiting(start, stop):
        for n in range(start, stop):
            story = publish(headline=f"Story {n}")
            comment = Comment.objects.create(
                article=story, name=f"R{n}", email=f"r{n}@example.org", text="Hi."
            )
            Report.objects.create(comment=comment, reason="spam")

    url = reverse("admin:comments_comment_changelist")
    client.force_login(moderator)
    waiting(0, FEW)
    few = queries(client, url, COMMENT_QUEUE_BUDGET, django_assert_max_num_queries)
    waiting(FEW, MANY)
    many = queries(client, url, COMMENT_QUEUE_BUDGET, django_assert_max_num_queries)
    assert many == few
    assert Article.objects.count() == MANY


def test_the_comment_queue_counts_no_further_than_its_cap(client, moderator, article, monkeypatch):
    from comments.admin import CappedCountPaginator

    monkeypatch.setattr(CappedCountPaginator, "CAP", 3)
    for n in range(6):
        Comment.objects.create(article=article, name=f"R{n}", email="r@example.org", text="Hi.")
    client.force_login(moderator)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("admin:comments_comment_changelist")).content.decode()
    assert "4 comments" in page  # the cap and one: "more than 3"
    assert not any("DISTINCT" in q["sql"] and "created_at" in q["sql"] for q in captured)
