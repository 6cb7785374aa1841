"""A live story's schema.org data: a LiveBlogPosting with its newest posts."""

from articles.html import html_to_text
from articles.structured_data import AUTHOR_ROLES, person
from library.renditions import renditions_for

from .models import LivePostCredit
from .posts import newest_posts, visible_posts

# The newest posts a page's JSON-LD lists, as many as its first page shows: search engines
# read the latest, and every new post renders this again.
LIVE_UPDATES_LISTED = 20


def live_blog(request, coverage, data):
    """A live story is a LiveBlogPosting: its coverage times and its posts, none withdrawn."""
    article = coverage.article
    data["@type"] = "LiveBlogPosting"
    data["coverageStartTime"] = coverage.started_at.isoformat()
    if coverage.ended_at:
        data["coverageEndTime"] = coverage.ended_at.isoformat()
    page = request.build_absolute_uri(article.get_absolute_url())
    posts = newest_posts(coverage)
    updates, people = [], {}
    for post in posts[:LIVE_UPDATES_LISTED]:
        text = html_to_text(post.body)
        update = {
            "@type": "BlogPosting",
            "headline": post.title or text.split("\n")[0][:110],
            "articleBody": text,
            "datePublished": post.posted_at.isoformat(),
            "url": f"{page}#post-{post.pk}",
        }
        for credit in post.credits.all():
            if credit.contributor_id not in people:
                people[credit.contributor_id] = person(request, credit.contributor)
        if authors := [people[c.contributor_id] for c in post.credits.all()]:
            update["author"] = authors
        if post.correction:
            update["correction"] = {"@type": "CorrectionComment", "text": post.correction}
        if renditions := renditions_for(post.image):
            update["image"] = request.build_absolute_uri(renditions[-1].url)
        updates.append(update)
    data["liveBlogUpdate"] = updates
    data["author"] = _with_reporters(request, article, data["author"])
    if updates:
        data["dateModified"] = max(data["dateModified"] or "", updates[0]["datePublished"])


def _with_reporters(request, article, authors):
    """The story's authors, then everyone credited as one on a post readers see, each once,
    in the order they first posted: a live story's own credits often name only its editor."""
    credits = (
        LivePostCredit.objects.filter(
            post__in=visible_posts(article).values("pk"), role__in=AUTHOR_ROLES
        )
        .select_related("contributor")
        .order_by("post__posted_at", "post_id", "position")
    )
    found = {author["url"]: author for author in authors}
    for credit in credits:
        about = person(request, credit.contributor)
        found.setdefault(about["url"], about)
    return list(found.values())
