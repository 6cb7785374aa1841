"""
A reader's text as the site shows it, and as the rules read it.

The rules must judge what readers will see: links are counted in the very HTML
that shows them.
"""

import re

from django.template.defaultfilters import linebreaksbr, urlize
from django.utils.safestring import mark_safe

_ANCHOR = re.compile(r"<a\s")


def comment_html(text):
    """Plain text as readers wrote it: escaped, with clickable links marked as user-made."""
    html = urlize(text, autoescape=True)
    # urlize escaped the text, quotes included: the only rel="nofollow" left is its own.
    html = html.replace('rel="nofollow"', 'rel="nofollow ugc"')
    return mark_safe(linebreaksbr(mark_safe(html), autoescape=False))


def count_links(text):
    """How many links the comment shows: bare domains and addresses count as urlize makes them."""
    # The text is escaped first, so every "<a " left is one urlize made.
    return len(_ANCHOR.findall(urlize(text, autoescape=True)))
