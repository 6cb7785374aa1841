"""
A live story's posts in IPTC ninjs 2.2: each post as an item of its own, and the story's
item carrying its posts as associations. A withdrawn post is in neither; its own address
answers a kill notice, as a withdrawn story's does.
"""

from articles.html import html_to_text
from live.models import LiveCoverage, LivePost

from .export import NINJS_SCHEMA, NINJS_VERSION, _timestamp, infosources, pubstatus

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
