"""
Build the benchmark newsroom into the configured database and say which pages to load.

    DJANGO_SETTINGS_MODULE=benchmarks.settings python -m benchmarks.build \
        --articles 10000 --comments 200000 --contributors 500 --targets out/targets.json

With --targets-only the database is left as it is and only the pages are chosen.
"""

import argparse
import json
import os
import sys
import time
from datetime import timedelta


def choose_targets():
    """The pages to load: a recent story with open comments and a typical comment count."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from articles.models import Article, CommentPolicy
    from benchmarks.data import SEARCH_QUERY
    from comments.models import Comment

    public = Article.objects.published()
    approved = Comment.objects.approved().filter(article__in=public).count()
    typical = approved / max(1, public.count())
    recent = (
        public.filter(
            language="en",
            first_published_at__gte=timezone.now() - timedelta(days=13),
            comment_policy="",
        )
        .exclude(section__comment_policy=CommentPolicy.CLOSED)
        .select_related("section")
        .annotate(approved=Count("comments", filter=Q(comments__status=Comment.Status.APPROVED)))
        .order_by("-publish_at")[:200]
    )
    article = min(recent, key=lambda a: (abs(a.approved - typical), -a.publish_at.timestamp()))
    # Comments are posted to another story, so the article page measured later
    # is the same page; a new reader's comment there waits for a moderator.
    others = [a for a in recent if a.pk != article.pk]
    commented = next(
        (a for a in others if a.section.comment_policy == CommentPolicy.PRE_MODERATED),
        others[0] if others else article,
    )
    # Edited over and over while the article is read: a story the article's page does not show.
    churned = next(
        (a for a in recent if a.section_id != article.section_id and a.pk != commented.pk),
        commented,
    )
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "article_slug": article.slug,
        "churn_slug": churned.slug,
        "article_comments": article.approved,
        "section": article.section.get_absolute_url(),
        "search": "/search/?q=" + SEARCH_QUERY.replace(" ", "+"),
        "search_matches": public.search(SEARCH_QUERY).count(),
        "feed": "/feeds/rss/",
        "comment_article": commented.get_absolute_url(),
        "comment_post": f"/articles/{commented.slug}/comments/",
        "articles": Article.objects.count(),
        "published": public.count(),
        "comments": Comment.objects.count(),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--contributors", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--targets", help="write the chosen pages here as JSON")
    parser.add_argument("--targets-only", action="store_true")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    from benchmarks.data import build

    if not args.targets_only:
        started = time.monotonic()
        made = build(args.articles, args.comments, args.contributors, seed=args.seed)
        print(f"  built in {time.monotonic() - started:.0f} s: {made.published} public articles")
    targets = choose_targets()
    if args.targets:
        with open(args.targets, "w") as out:
            json.dump(targets, out, indent=2)
    json.dump(targets, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
