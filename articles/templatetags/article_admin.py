"""Where an article stands, as the admin shows it: one badge per state, the same everywhere."""

from django import template
from django.utils.html import format_html_join

register = template.Library()

OUT_OF_DATE = ("out-of-date", "Out of date")
LIVE_COVERAGE = ("live-coverage", "Live coverage")


def badges(article):
    """(css name, label) of its reader state, "out of date" for a stale translation, and
    "live coverage" while posts are being added."""
    state = article.reader_state
    found = [(state.value, state.label)]
    if article.is_out_of_date:
        found.append(OUT_OF_DATE)
    if article.coverage_is_running:
        found.append(LIVE_COVERAGE)
    return found


@register.simple_tag
def state_badges(article):
    return format_html_join(" ", '<span class="state-badge state-{}">{}</span>', badges(article))
