"""Where an article stands, as the admin shows it: one badge per state, the same everywhere."""

from django import template
from django.utils.html import format_html_join

from .. import extensions

register = template.Library()

OUT_OF_DATE = ("out-of-date", "Out of date")


def badges(article):
    """(css name, label) of its reader state, "out of date" for a stale translation, and
    what other apps add ("live coverage" while posts are being added)."""
    state = article.reader_state
    found = [(state.value, state.label)]
    if article.is_out_of_date:
        found.append(OUT_OF_DATE)
    for extension in extensions.registered():
        found += extension.badges(article)
    return found


@register.simple_tag
def state_badges(article):
    return format_html_join(" ", '<span class="state-badge state-{}">{}</span>', badges(article))
