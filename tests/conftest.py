from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article, Contributor, Credit, Section


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def section(db):
    return Section.objects.create(name="World", slug="world")


@pytest.fixture
def make_user(db):
    def make(username, group=None, **extra):
        user = User.objects.create_user(
            username, f"{username}@example.com", "pw", is_staff=True, **extra
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


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


def contributor(name):
    slug = name.lower().replace(" ", "-").replace("é", "e")
    return Contributor.objects.get_or_create(slug=slug, defaults={"name": name})[0]


@pytest.fixture
def make_article(section):
    def make(credits=(), **fields):
        fields.setdefault("headline", "A headline")
        fields.setdefault("slug", f"article-{Article.objects.count() + 1}")
        fields.setdefault("section", section)
        fields.setdefault("body", "<p>Body.</p>")
        article = Article.objects.create(**fields)
        for position, (role, name, place, language) in enumerate(credits):
            Credit.objects.create(
                article=article,
                contributor=contributor(name),
                role=role,
                place=place,
                language=language,
                position=position,
            )
        return article

    return make


@pytest.fixture
def publish(make_article):
    """A published story, out since ``hours_ago``."""

    def make(hours_ago=3, **fields):
        at = timezone.now() - timedelta(hours=hours_ago)
        fields = {"status": "published", "publish_at": at, "first_published_at": at, **fields}
        return make_article(**fields)

    return make
