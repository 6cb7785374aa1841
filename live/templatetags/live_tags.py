"""A live story's parts of its page: the Atom link and script in the head, the posts below
the text. The story's template asks for them; nothing shows on a story not covered live."""

from django import template

from ..models import LiveCoverage
from ..posts import page_context

register = template.Library()


@register.inclusion_tag("live/head.html")
def live_head(article):
    return {"article": article, "coverage": LiveCoverage.of(article)}


@register.inclusion_tag("live/coverage.html", takes_context=True)
def live_coverage(context, article):
    coverage = LiveCoverage.of(article)
    if coverage is None:
        return {"live": None}
    return {"article": article, "live": page_context(context["request"], article, coverage)}
