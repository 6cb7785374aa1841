"""One reader-facing state per article, the same whether Python or the database works it out."""

import pytest

from articles.models import Article, ReaderState
from articles.templatetags.article_admin import badges
from tests.factories import article_in_state, published_article
from wire.export import pubstatus

PUBSTATUS = {ReaderState.LIVE: "usable", ReaderState.WITHDRAWN: "canceled"}


@pytest.mark.django_db
@pytest.mark.parametrize("state", ReaderState)
def test_python_and_sql_agree_on_the_state(state):
    article = article_in_state(state)
    in_sql = Article.objects.with_reader_state().get(pk=article.pk).reader_state_now
    assert (article.reader_state, in_sql) == (state, state)
    assert Article.objects.published().filter(pk=article.pk).exists() == (state == ReaderState.LIVE)
    assert article.is_public == (state == ReaderState.LIVE)


@pytest.mark.django_db
@pytest.mark.parametrize("state", ReaderState)
def test_the_admin_and_ninjs_say_the_same_state(state):
    article = article_in_state(state)
    assert badges(article) == [(state.value, state.label)]
    assert pubstatus(article) == PUBSTATUS.get(state, "withheld")


@pytest.mark.django_db
def test_an_embargo_outlasting_the_publish_time_is_an_embargo():
    article = published_article(hours_ago=-1, embargo_hours=5)
    in_sql = Article.objects.with_reader_state().get(pk=article.pk).reader_state_now
    assert article.reader_state == in_sql == ReaderState.EMBARGOED
