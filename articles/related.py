"""The stories an article page suggests beside it."""

from django.db.models import Case, Count, IntegerField, Value, When

from .models import Article

RELATED_COUNT = 4


def related_stories(article, exclude):
    """Stories in the same language sharing the most topics, then from the same section.

    The stories sharing a topic are ranked among themselves and the section's newest fill
    the rest: counting topics over every story of a large section costs far more.
    """
    cards = (
        Article.objects.published()
        .filter(language=article.language)
        .exclude(pk__in=exclude)
        .select_related("section")
        .defer("body", "notes")
    )
    related = []
    if topic_ids := [topic.pk for topic in article.topics.all()]:
        same_section = Case(
            When(section=article.section_id, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        related = list(
            cards.filter(topics__in=topic_ids)  # counted below: the topics shared
            .annotate(shared=Count("topics"), same_section=same_section)
            .order_by("-shared", "-same_section", "-publish_at", "-pk")[:RELATED_COUNT]
        )
    if len(related) < RELATED_COUNT:
        related += (
            cards.filter(section=article.section_id)
            .exclude(pk__in=[story.pk for story in related])
            .order_by("-publish_at", "-pk")[: RELATED_COUNT - len(related)]
        )
    return related
