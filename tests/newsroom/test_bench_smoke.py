"""The benchmark newsroom builder, at a tiny size, so `make bench` cannot rot unnoticed."""

import pytest
from django.db.models import F

from articles.models import Article, Contributor, Credit, Role, Section
from benchmarks.build import choose_targets
from benchmarks.data import build
from comments.models import Comment

ARTICLES, COMMENTS, CONTRIBUTORS = 60, 300, 12


@pytest.fixture
def newsroom(db):
    return build(ARTICLES, COMMENTS, CONTRIBUTORS, seed=7, log=lambda message: None)


def test_builds_what_was_asked(newsroom):
    assert Article.objects.count() == newsroom.articles == ARTICLES
    assert Comment.objects.count() == newsroom.comments == COMMENTS
    assert Contributor.objects.count() == CONTRIBUTORS
    assert Section.objects.count() == newsroom.sections > 1
    assert Credit.objects.count() == newsroom.credits


def test_most_articles_are_published_over_time(newsroom):
    public = Article.objects.published()
    assert public.count() == newsroom.published
    assert newsroom.published >= ARTICLES * 0.8
    days = {a.publish_at.date() for a in public}
    assert len(days) > 7, "stories should be spread over days, not published at once"
    assert Article.objects.exclude(status=Article.Status.PUBLISHED).exists()


def test_every_article_has_two_to_four_credits_with_a_reporter_and_an_editor(newsroom):
    for article in Article.objects.with_credits():
        roles = [credit.role for credit in article.credits.all()]
        assert 2 <= len(roles) <= 4, article
        assert Role.REPORTING in roles and Role.EDITING in roles
        assert article.credit_line


def test_translations_credit_their_translator(newsroom):
    translations = Article.objects.filter(translation_of__isnull=False)
    assert translations.exists()
    for translation in translations:
        assert translation.language != translation.translation_of.language
        assert translation.credits.filter(role=Role.TRANSLATION, language="fr").exists()


def test_comments_are_on_public_articles_with_replies_to_approved_comments(newsroom):
    assert set(Comment.objects.values_list("status", flat=True)) >= {
        Comment.Status.APPROVED,
        Comment.Status.PENDING,
    }
    replies = Comment.objects.filter(parent__isnull=False)
    assert replies.count() == newsroom.replies > 0
    assert not replies.exclude(parent__status=Comment.Status.APPROVED).exists()
    assert not replies.exclude(article=F("parent__article")).exists()
    public = set(Article.objects.published().values_list("pk", flat=True))
    assert set(Comment.objects.values_list("article_id", flat=True)) <= public


def test_chooses_pages_that_exist(newsroom, client):
    targets = choose_targets()
    for page in ("home", "article", "section", "search", "feed"):
        assert client.get(targets[page]).status_code == 200, page
    assert targets["search_matches"] > 0


def test_the_bare_view_sits_beside_the_whole_site(client, settings, db):
    settings.ROOT_URLCONF = "benchmarks.urls"
    assert client.get("/bench/bare/").content == b"ok"
    assert client.get("/").status_code == 200 and client.get("/fr/").status_code == 200
