"""Approved-comment counts for lists of articles, without a query per article.

Two ways, pick whichever fits the view:

    counts = comment_counts(page_of_articles)   # {article_id: n}, one query
    Article.objects.published().annotate(**comment_count_annotation())  # .comment_count

Readers' lists of stories (``Article.objects.for_lists()``) get the second through
``CommentCounts``, so the articles app shows counts without knowing comments.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from articles.extensions import StoryExtension

from .models import Comment


def comment_counts(articles):
    """{article id: approved comments} for the given articles (or ids), in one query."""
    ids = [getattr(article, "pk", article) for article in articles]
    rows = (
        Comment.objects.approved()
        .filter(article_id__in=ids)
        .values("article_id")
        .annotate(n=Count("pk"))
        .values_list("article_id", "n")
    )
    return dict.fromkeys(ids, 0) | dict(rows)


def comment_count_annotation(name="comment_count"):
    """An annotation counting approved comments; a subquery, so joins elsewhere don't inflate it."""
    approved = (
        Comment.objects.approved()
        .filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {name: Coalesce(Subquery(approved, output_field=IntegerField()), Value(0))}


class CommentCounts(StoryExtension):
    def list_annotations(self):
        return comment_count_annotation()
