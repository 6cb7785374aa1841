import functools
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests import factories


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def section(db):
    return factories.make_section()


@pytest.fixture
def make_user(db):
    return factories.make_user


@pytest.fixture
def editor(make_user):
    return make_user("editor", "Editors")


@pytest.fixture
def reporter(make_user):
    return make_user("reporter", "Reporters")


@pytest.fixture
def translator(make_user):
    return make_user("translator", "Translators")


@pytest.fixture
def moderator(make_user):
    return make_user("moderator", "Moderators")


@pytest.fixture
def make_article(section):
    return functools.partial(factories.make_article, section=section)


@pytest.fixture
def publish(make_article):
    """A published story, out since ``hours_ago``."""

    def make(hours_ago=3, **fields):
        at = timezone.now() - timedelta(hours=hours_ago)
        fields = {"status": "published", "publish_at": at, "first_published_at": at, **fields}
        return make_article(**fields)

    return make
