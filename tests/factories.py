"""
Plain functions that build what the tests need, for tests and fixtures alike.

Test modules import helpers from here and from the project, never from one
another; the fixtures in conftest.py are thin wrappers over these functions.
"""

from django.contrib.auth.models import Group, User

from articles.models import Article, Contributor, Credit, Section

# People and sections


def make_section(name="World", slug="world"):
    return Section.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def make_user(username, group=None, **extra):
    """A member of staff, in the named group if any, whose password is "pw"."""
    user = User.objects.create_user(
        username, f"{username}@example.com", "pw", is_staff=True, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def contributor(name):
    """The contributor of that name, made the first time it is asked for."""
    slug = name.lower().replace(" ", "-").replace("é", "e")
    return Contributor.objects.get_or_create(slug=slug, defaults={"name": name})[0]


# Articles


def make_article(credits=(), **fields):
    """
    A draft in the World section unless the fields say otherwise. Each credit is
    (role, name, place, language), in the order the credit line names them.
    """
    fields.setdefault("headline", "A headline")
    fields.setdefault("slug", f"article-{Article.objects.count() + 1}")
    if "section" not in fields:
        fields["section"] = make_section()
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
