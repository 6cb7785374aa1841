"""
Every public address of the URL conf, its path filled from real objects (or not), with
generated values in every query parameter a view reads and some it does not, and in the
language header and cookie: never a server error.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils import timezone, translation
from hypothesis import event, given
from hypothesis import strategies as st

from articles.models import Topic
from articles.sitemaps import SITEMAPS
from comments.models import Comment, Confirmation
from live.models import LiveCoverage
from tests.factories import add_comment, contributor

from .values import (
    anything,
    as_header,
    as_path_segment,
    cursors,
    numbers,
    query_string,
    trouble_text,
)

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

# What the views read (articles, comments, live, wire and the page cache), and what a probe
# tries: a list's page, the search, a live story's cursors, the comments' page and reply.
PARAMETERS = ["page", "q", "after", "before", "lang", "language", "format", "version"]
PARAMETERS += ["comments", "reply_to", "o", "p", "next", "callback", "utm_source"]
NOT_PUBLIC = ("admin/", "health/")
PART = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def public_routes(patterns=None, prefix=""):
    """(route, localised) of every address outside the admin, as the URL conf writes it."""
    routes = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            localised = isinstance(entry.pattern, LocalePrefixPattern)
            with translation.override("en"):
                inner = public_routes(entry.url_patterns, prefix + str(entry.pattern))
            routes += [(route, localised or was) for route, was in inner]
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            if not route.startswith(NOT_PUBLIC) and not route.startswith("^"):
                routes.append((route, False))
    return routes


ROUTES = sorted(dict(public_routes()).items())


@pytest.fixture
def newsroom(settings, publish, editor):
    """One of each thing a public address names, created once for all the examples."""
    settings.PAGE_CACHE_SECONDS = 300  # as in production: cached and uncached answers both
    ann = contributor("Ann Fuzz")
    story = publish(headline="Storm reaches the coast", slug="storm", credits=[])
    story.credits.create(contributor=ann, role="reporting", position=0)
    topic = Topic.objects.create(name="Weather", slug="weather")
    story.topics.add(topic)
    coverage = LiveCoverage.start(story, editor)
    post = coverage.add_post(editor, "<p>Rain at noon.</p>", title="Rain")
    comment = add_comment(story, text="First!")
    confirmation = Confirmation.objects.create(email="someone@example.org", comment=comment)
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now())
    return {
        ("section", "slug"): story.section.slug,
        ("contributor", "slug"): ann.slug,
        ("topic", "slug"): topic.slug,
        ("articles", "slug"): story.slug,
        ("preview", "pk"): str(story.pk),
        ("comments", "pk"): str(comment.pk),
        ("comments", "article_pk"): str(story.pk),
        ("comments", "token"): confirmation.token,
        ("articles", "post_id"): str(post.pk),
        ("wire", "agency"): "ntb",
        ("", "section"): next(iter(SITEMAPS)),
        "cursor": str(post.cursor),
    }


def path_values(route, real):
    """For each part of the route: the real object's value, or a generated one that fits."""
    first = route.split("/", 1)[0] if "/" in route else ""
    parts = {}
    for match in PART.finditer(route):
        name, converter = match["name"], match["converter"] or "str"
        fitting = {
            "int": st.integers(min_value=0, max_value=10**40).map(str),
            "slug": st.from_regex(r"[-a-zA-Z0-9_]{1,80}", fullmatch=True),
            "str": trouble_text.filter(lambda t: t and "/" not in t),
        }[converter]
        parts[match[0]] = st.one_of(st.just(real[(first, name)]), fitting)
    return st.fixed_dictionaries(parts)


def parameter_pairs(cursor):
    """(name, value) of each query parameter: a name views read or any, a generated value."""
    return st.lists(
        st.tuples(
            st.one_of(st.sampled_from(PARAMETERS), trouble_text),
            st.one_of(
                anything,
                numbers,
                cursors,
                st.integers(min_value=-1, max_value=3).map(str),
                st.just(cursor),
                st.just(""),
            ),
        ),
        max_size=4,
    )


@pytest.mark.parametrize(("route", "localised"), ROUTES, ids=[route for route, _ in ROUTES])
@given(
    data=st.data(),
    language=st.one_of(st.none(), anything),
    method=st.sampled_from(["get", "head"]),
)
def test_no_address_answers_generated_parameters_with_a_server_error(
    newsroom, route, localised, data, language, method
):
    path = route
    for part, value in data.draw(path_values(route, newsroom), label="path").items():
        path = path.replace(part, as_path_segment(value))
    prefix = data.draw(st.sampled_from(["", "fr/"] if localised else [""]), label="prefix")
    pairs = data.draw(parameter_pairs(newsroom["cursor"]), label="parameters")
    headers = {}
    if language is not None:
        headers["HTTP_ACCEPT_LANGUAGE"] = as_header(language)
        headers["HTTP_COOKIE"] = f"django_language={as_header(language).replace(';', '')}"
    url = f"/{prefix}{path}?{query_string(pairs)}"
    response = getattr(Client(), method)(url, **headers)
    assert response.status_code < 500, url
    event(f"answered {response.status_code}")
