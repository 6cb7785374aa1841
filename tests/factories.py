"""
Plain functions that build what the tests need, for tests and fixtures alike.

Test modules import helpers from here and from the project, never from one
another; the fixtures in conftest.py are thin wrappers over these functions.
"""

import io
import json
import time
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.core import signing
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft202012Validator
from PIL import Image

from articles.models import Article, Contributor, Credit, ReaderState, Section
from comments.confirmations import PROOF
from comments.forms import make_timestamp
from comments.models import Comment, Confirmation
from library.models import LibraryImage

# People and sections


def make_section(name="World", slug="world"):
    """The section with that slug, made the first time it is asked for."""
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


def published_article(hours_ago=3, embargo_hours=None, **fields):
    """
    A story out since `hours_ago` (below zero: scheduled, not out yet). With
    `embargo_hours` it is published but kept from readers for that long.
    """
    at = timezone.now() - timedelta(hours=hours_ago)
    fields = {
        "status": Article.Status.PUBLISHED,
        "publish_at": at,
        "first_published_at": at,
        **fields,
    }
    if embargo_hours is not None:
        fields["embargo_until"] = timezone.now() + timedelta(hours=embargo_hours)
        # Readers first see it when the embargo lifts, as publishing would have recorded.
        fields["first_published_at"] = max(at, fields["embargo_until"])
    return make_article(**fields)


# Every state in which an article must not reach readers.
HIDDEN_STATES = tuple(state for state in ReaderState if state != ReaderState.LIVE)


def article_in_state(state, **fields):
    """An article in this ReaderState, made the way the newsroom's data would have it."""
    makers = {
        ReaderState.DRAFT: lambda: make_article(status=Article.Status.DRAFT, **fields),
        ReaderState.REVIEW: lambda: make_article(status=Article.Status.REVIEW, **fields),
        ReaderState.SCHEDULED: lambda: published_article(hours_ago=-24, **fields),
        ReaderState.EMBARGOED: lambda: published_article(embargo_hours=2, **fields),
        ReaderState.LIVE: lambda: published_article(**fields),
        ReaderState.WITHDRAWN: lambda: published_article(status=Article.Status.WITHDRAWN, **fields),
    }
    return makers[ReaderState(state)]()


# Pictures


def jpeg(width=2000, height=1000, colour=(90, 120, 160)):
    """A photo of one colour, ready to save into an image field."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name="photo.jpg")


def library_picture(width=2000, height=1000, **fields):
    """A picture in the media library, with a caption, alt text and a typed-in credit."""
    fields = {
        "caption": "Snow on the border fence",
        "alt_text": "A fence in the snow",
        "credit": "Photo: Jane Lens",
        **fields,
    }
    picture = LibraryImage(**fields)
    picture.file.save("photo.jpg", jpeg(width, height), save=False)
    picture.save()
    return picture


def stored_picture(name, content, **fields):
    """A library picture of these very bytes, as they were stored (no upload checks)."""
    picture = LibraryImage(alt_text="A picture", **fields)
    picture.file.save(name, content, save=False)
    picture.save()
    return picture


def with_lead_image(article, width=2000, height=1000, **fields):
    """The article, saved with a library picture as its lead image."""
    article.lead_image = library_picture(width, height, **fields)
    article.save()
    return article


# Comments


def add_comment(article, status=Comment.Status.APPROVED, **fields):
    """A comment stored as it is, approved unless told otherwise: no form, no moderation."""
    fields.setdefault("name", "Someone")
    fields.setdefault("email", "someone@example.org")
    fields.setdefault("text", "A comment.")
    return Comment.objects.create(article=article, status=status, **fields)


def prove_address(client, email="ada@example.org"):
    """The reader's browser clicked a confirmation link for the address, as if from its mail."""
    confirmation = Confirmation.objects.create(email=email, confirmed_at=timezone.now())
    signer = signing.get_cookie_signer(salt=PROOF.name + PROOF.salt)
    client.cookies[PROOF.name] = signer.sign(str(confirmation.pk))
    return confirmation


def form_data(article, **fields):
    """What a reader's comment form sends, filled in a minute after the page was opened."""
    data = {
        "name": "Ada Reader",
        "email": "ada@example.org",
        "text": "A thoughtful remark about the story.",
        "timestamp": make_timestamp(article, at=time.time() - 60),
        "website": "",
    }
    data.update(fields)
    return data


def post_comment(client, article, follow=False, ip="127.0.0.1", **fields):
    """Comment on the article through the form, as a reader at `ip`."""
    return client.post(
        reverse("comments:post", kwargs={"slug": article.slug}),
        form_data(article, **fields),
        follow=follow,
        REMOTE_ADDR=ip,
    )


def reader_pages():
    """Every published story's page as an anonymous reader gets it, by address."""
    from django.test import Client

    reader = Client()
    return {
        story.slug: reader.get(story.get_absolute_url()).content.decode()
        for story in Article.objects.published()
    }


# The admin, as a browser uses it


class _FormParser(HTMLParser):
    """Reads an admin form out of a rendered page the way a browser would submit it."""

    def __init__(self):
        super().__init__()
        self.values = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.values[name] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "select" and name:
            self._select = name
            if "multiple" not in attrs:  # a browser sends nothing for an empty multiple choice
                self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += (
                data.removeprefix("\n") if not self.values[self._textarea] else data
            )


def form_values(response):
    """The values of the page's form fields, ready to post back (with changes)."""
    parser = _FormParser()
    parser.feed(response.content.decode())
    parser.values.pop("csrfmiddlewaretoken", None)
    return {k: v for k, v in parser.values.items() if "__prefix__" not in k}


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def save_through_admin(client, article, **changes):
    """Open the article's change form and send it back with the changes."""
    page = client.get(change_url(article))
    assert page.status_code == 200
    data = {**form_values(page), **changes}
    return client.post(change_url(article), data)


def run_action(client, action, articles, **extra):
    """Run an action of the article list on the articles, following its redirect."""
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [a.pk for a in articles], **extra},
        follow=True,
    )


# The wire

# IPTC's own schemas, vendored with their licence (tests/wire/schemas/README.md).
NINJS_SCHEMAS = {
    version: json.loads(
        (Path(__file__).parent / "wire" / "schemas" / f"ninjs-schema_{version}.json").read_text()
    )
    for version in ("2.2", "3.1")
}


def schema_errors(item, version="2.2"):
    """What is wrong with a ninjs item by the IPTC's schema: nothing, for a good one."""
    validator = Draft202012Validator(
        NINJS_SCHEMAS[version], format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(item)]
