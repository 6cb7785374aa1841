"""
A reader's text as the site shows it, and as the rules read it.

The rules must judge what readers will see: links are counted in the very HTML
that shows them, and banned words are looked for in a folded form that a
zero-width space, a full-width letter or a Cyrillic look-alike does not escape.
"""

import re
import unicodedata
from functools import cache

import icu
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


@cache
def _spoof_checker():
    return icu.SpoofChecker()


def _is_invisible(char):
    return icu.Char.hasBinaryProperty(char, icu.UProperty.DEFAULT_IGNORABLE_CODE_POINT)


def fold(text):
    """
    The forms banned words are matched in: NFKC, without invisible characters,
    look-alike letters folded to their skeleton (Unicode TR39), without accents or
    case, so "ѕcam", "s\u200bcam", "ＳＣＡＭ" and "scám" all read as "scam" does.

    Skeletons keep case ("m" reads "rn", "M" reads "M", Cyrillic "м" neither), so
    the text is folded twice, from lower and from upper case: a word matches when
    it is found in either form.
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(char for char in text if not _is_invisible(char))
    return _skeleton(text.casefold()), _skeleton(text.upper())


def _skeleton(text):
    skeleton = _spoof_checker().getSkeleton(0, text)  # NFD, prototypes, NFD
    bare = "".join(char for char in skeleton if unicodedata.category(char) != "Mn")
    return unicodedata.normalize("NFC", bare).casefold()
