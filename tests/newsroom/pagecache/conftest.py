"""The page cache's tests: the cache is on, and a published story is there to be cached."""

import pytest

from comments.models import Comment
from tests.newsroom.pagecache.freshness import CREDITS


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.COMMENTS_MIN_SECONDS = 0


@pytest.fixture
def live(publish, editor):
    """A published story with a credit, a correction and an approved comment."""
    article = publish(
        headline="Harbour fraud trial opens", slug="harbour", credits=CREDITS, hours_ago=2
    )
    article.add_correction(editor, "An earlier version misspelt the judge's name.")
    Comment.objects.create(
        article=article, name="Ada", email="ada@example.org", text="Good.", status="approved"
    )
    return article
