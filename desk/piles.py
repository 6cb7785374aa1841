"""What each person's desk shows: their stories by where they stand, and what waits for them."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import OuterRef, Subquery
from django.urls import reverse

from articles.models import Article, Status, Transition
from comments.models import MODERATE_PERMISSION, Comment

SHOWN = 8
# Counting a queue of hundreds of thousands costs seconds; past this, the desk says "1000+".
COUNTED = 1000


@dataclass
class Pile:
    title: str
    empty: str  # what the desk says when the pile is empty
    items: list
    more: bool  # more than the desk shows
    links: list  # (label, address) of the whole list


def pile(title, empty, queryset, links):
    items = list(queryset[: SHOWN + 1])
    return Pile(title, empty, items[:SHOWN], len(items) > SHOWN, links)


def article_list(**filters):
    return f"{reverse('admin:articles_article_changelist')}?{urlencode(filters)}"


def with_last_step(queryset):
    """Each article's last workflow step: a draft that was returned shows the editor's note."""
    last = Transition.objects.filter(article=OuterRef("pk")).order_by("-created_at", "-pk")
    return queryset.annotate(
        last_from=Subquery(last.values("from_status")[:1]),
        last_note=Subquery(last.values("note")[:1]),
    )


def article_piles(user):
    if not Article.may_see_unpublished(user):
        return []
    articles = Article.objects.select_related("section", "translation_of")
    mine = articles.belonging_to(user)
    piles = []
    if Article.may_publish(user):
        piles += [
            pile(
                "Waiting for review",
                "Nothing is waiting for review.",
                with_last_step(articles.filter(status=Status.REVIEW)).order_by("modified_at"),
                [("All in review", article_list(state="review"))],
            ),
            pile(
                "Scheduled and embargoed",
                "Nothing is scheduled or embargoed.",
                articles.to_come().order_by("release_at", "pk"),
                [
                    ("Scheduled", article_list(state="scheduled")),
                    ("Embargoed", article_list(state="embargoed")),
                ],
            ),
        ]
    piles.append(
        pile(
            "My drafts",
            "You have no drafts.",
            with_last_step(mine.filter(status=Status.DRAFT)).order_by("-modified_at"),
            [("All my drafts", article_list(mine=1, state="draft"))],
        )
    )
    if not Article.may_publish(user):
        piles += [
            pile(
                "My stories in review",
                "None of your stories is in review.",
                mine.filter(status=Status.REVIEW).order_by("modified_at"),
                [("All mine in review", article_list(mine=1, state="review"))],
            ),
            pile(
                "My scheduled and embargoed stories",
                "None of your stories is scheduled or embargoed.",
                mine.to_come().order_by("release_at", "pk"),
                [
                    ("Scheduled", article_list(mine=1, state="scheduled")),
                    ("Embargoed", article_list(mine=1, state="embargoed")),
                ],
            ),
        ]
    piles.append(
        pile(
            "My translations out of date",
            "None of your translations is out of date.",
            mine.out_of_date_translations().order_by("-modified_at"),
            [("All mine out of date", article_list(mine=1, translation="out_of_date"))],
        )
    )
    return piles


@dataclass
class Queue:
    waiting: list
    count: int
    more_than_counted: bool
    url: str


def comment_queue(user):
    if not user.has_perm(MODERATE_PERMISSION):
        return None
    pending = Comment.objects.pending()
    count = pending.order_by()[:COUNTED].count()
    waiting = list(pending.select_related("article").order_by("created_at", "pk")[:SHOWN])
    url = reverse("admin:comments_comment_changelist")
    return Queue(waiting, count, count >= COUNTED, url)
