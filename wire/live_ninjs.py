"""
A live story's posts in IPTC ninjs 2.2: each post as an item of its own, and the story's
item carrying its posts as associations named "post-<id>". A withdrawn post is in neither;
its own address answers a kill notice, as a withdrawn story's does.

Imported back, those associations become the posts of the imported story (its live
coverage started if need be), each at the time it was posted, with its title, body,
correction and credits. A post's picture is not fetched, as a story's is not.
"""

from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime

from articles.html import html_to_text, sanitize_html
from articles.models import Contributor, Role
from live.models import LiveCoverage, LivePost

from . import fields
from .export import NINJS_SCHEMA, NINJS_VERSION, _timestamp, infosources, pubstatus
from .footers import read_footer

POSTS_ASSOCIATED = 200


def post_uri(post, absolute):
    return absolute(f"{post.article.get_absolute_url()}live/{post.pk}/ninjs.json")


def post_to_ninjs(post, absolute):
    """One post as a ninjs item; ``absolute`` turns a path into a full URL."""
    article = post.article
    item = {
        "uri": post_uri(post, absolute),
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "version": "2" if post.corrected_at else "1",
        "versioncreated": _timestamp(post.corrected_at or post.posted_at),
    }
    if post.withdrawn_at is not None or pubstatus(article) == "canceled":
        return {
            **item,
            "versioncreated": _timestamp(post.withdrawn_at or article.modified_at),
            "pubstatus": "canceled",
        }
    item.update(
        type="text",
        representationtype="full",
        firstcreated=_timestamp(post.posted_at),
        pubstatus=pubstatus(article),
        language=article.language,
        bodies=[
            {"role": "main", "contenttype": "text/plain", "value": html_to_text(post.body)},
            {"role": "richtext", "contenttype": "text/html", "value": post.body},
        ],
        altids=[{"role": "newsroom", "value": f"{article.pk}-post-{post.pk}"}],
    )
    if post.title:
        item["headlines"] = [{"role": "main", "contenttype": "text/plain", "value": post.title}]
    credits = list(post.credits.all())
    if line := post.credit_line:
        item["by"] = line
    if credits:
        item["infosources"] = infosources(credits, absolute)
        places = [credit.place for credit in credits if credit.place]
        if places:
            item["located"] = places[0]
    if post.correction:
        item["descriptions"] = [
            {"role": "correction", "contenttype": "text/plain", "value": post.correction}
        ]
    if post.image:
        picture = {
            "name": "image",
            "uri": absolute(post.image.url),
            "type": "picture",
            "renditions": [{"name": "original", "href": absolute(post.image.url)}],
        }
        if post.image_alt:
            picture["descriptions"] = [
                {"role": "alt", "contenttype": "text/plain", "value": post.image_alt}
            ]
        item["associations"] = [picture]
    return item


def with_live_posts(item, article, absolute):
    """The story's ninjs item with its visible posts, newest first, as associations."""
    if LiveCoverage.of(article) is None or item.get("pubstatus") == "canceled":
        return item
    posts = LivePost.objects.filter(article=article).visible().with_credits()[:POSTS_ASSOCIATED]
    associated = []
    for post in posts:
        post.article = article
        associated.append({"name": f"post-{post.pk}", **post_to_ninjs(post, absolute)})
    if associated:
        item["associations"] = [*item.get("associations", []), *associated]
    return item


# Reading them back


@dataclass
class WirePost:
    body: str
    title: str = ""
    posted_at: datetime | None = None
    correction: str = ""
    credits: list = field(default_factory=list)  # (role, name, place)


def read_live_posts(item):
    """The posts a story's ninjs item carries, oldest first; withdrawn ones are not read."""
    posts = []
    for entry in fields.objects(item, "associations"):
        if not str(entry.get("name", "")).startswith("post-"):
            continue
        if entry.get("type") != "text" or entry.get("pubstatus") == "canceled":
            continue
        texts = {
            fields.text(b, "role"): fields.text(b, "value") for b in fields.objects(entry, "bodies")
        }
        body = sanitize_html(texts["richtext"]) if texts.get("richtext") else ""
        if not body and texts.get("main"):
            paragraphs = texts["main"].split("\n\n")
            body = "".join(f"<p>{escape(p.strip(), quote=False)}</p>" for p in paragraphs)
        if not body:
            continue
        headlines = fields.objects(entry, "headlines")
        notes = [d for d in fields.objects(entry, "descriptions") if d.get("role") == "correction"]
        posts.append(
            WirePost(
                body=body,
                title=fields.text(headlines[0], "value") if headlines else "",
                posted_at=parse_datetime(fields.text(entry, "firstcreated")),
                correction=fields.text(notes[0], "value") if notes else "",
                credits=_post_credits(entry),
            )
        )
    return sorted(posts, key=lambda post: (post.posted_at is None, post.posted_at or 0))


def save_live_posts(story, article, by):
    """The story's posts on the imported article, each once; notes on those refused."""
    if not story.live_posts:
        return []
    coverage = LiveCoverage.of(article)
    ended = coverage is not None and not coverage.is_running
    if coverage is None or ended:
        coverage = LiveCoverage.start(article, by)
    known = set(LivePost.objects.filter(article=article).values_list("posted_at", flat=True))
    notes = []
    for post in story.live_posts:
        if post.posted_at in known:
            continue  # came in before: our own export read back changes nothing
        try:
            people = [(r, Contributor.objects.for_name(n), p) for r, n, p in post.credits]
            made = coverage.add_post(by, post.body, title=post.title, credits=people)
        except ValidationError as error:
            notes.append(f"A live post was not imported ({'; '.join(error.messages)}).")
            continue
        if post.posted_at:
            LivePost.objects.filter(pk=made.pk).update(posted_at=post.posted_at)
        if post.correction:
            made.correct(by, post.correction)
    if ended:
        coverage.end(by)
    return notes


def without_post_credits(credits, story):
    """The story's own credits: its line, as readers see it, names its posts' reporters too,
    and those come back with the posts."""
    on_posts = {tuple(credit) for post in story.live_posts for credit in post.credits}
    return [credit for credit in credits if tuple(credit[:3]) not in on_posts]


def _post_credits(entry):
    """The post's credits: its credit line read back, else its infosources and place."""
    by = fields.text(entry, "by")
    if by.startswith("("):
        reading = read_footer(by)
        if reading.credits and not reading.leftovers:
            return [(role, name, place) for role, name, place, _ in reading.credits]
    place = fields.text(entry, "located")
    return [
        (fields.text(source, "role"), fields.text(source, "name"), place)
        for source in fields.objects(entry, "infosources")
        if fields.text(source, "role") in Role.values and fields.text(source, "name")
    ]
