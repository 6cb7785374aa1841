"""
A reader's text as the site shows it, and as the rules read it.

The rules must judge what readers will see: links are counted in the very HTML
that shows them, and banned words are looked for in a folded form that a
zero-width space, a full-width letter or a Cyrillic look-alike does not escape.
"""

import re
import unicodedata
from functools import cache

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


# Characters that show nothing, and that Unicode tells renderers to ignore: format
# characters (zero-width space and joiners, soft hyphen, bidi marks), variation
# selectors, the combining grapheme joiner and the Hangul fillers.
_INVISIBLE_RANGES = [(0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x180B, 0x180F)]
_INVISIBLE = {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0"}


def _is_invisible(char):
    point = ord(char)
    return (
        unicodedata.category(char) == "Cf"
        or char in _INVISIBLE
        or any(low <= point <= high for low, high in _INVISIBLE_RANGES)
    )


@cache
def _prototypes():
    """Each look-alike character and the plain letter it passes for (Unicode TR39 data)."""
    from confusable_homoglyphs.confusables import confusables_data

    table = {}
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        # The table lists look-alikes both ways; the plain one is the single ASCII
        # character among them. "rn" for "m" and the like are left out: a word is
        # matched letter for letter.
        plain = [h["c"] for h in homoglyphs if len(h["c"]) == 1 and h["c"].isascii()]
        if plain:
            table[ord(char)] = plain[0]
    return table


def fold(text):
    """
    The forms banned words are matched in: NFKC, without invisible characters,
    look-alike letters folded to the plain letter they pass for (Unicode TR39's
    confusables), without accents or case, so "ѕcam", "s\u200bcam", "ＳＣＡＭ" and
    "scám" all read as "scam" does.

    Look-alikes differ by case (Cyrillic "м" passes for no Latin letter, "М" for
    "M"), so the text is folded twice, from lower and from upper case: a word
    matches when it is found in either form.
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(char for char in text if not _is_invisible(char))
    return _skeleton(text.casefold()), _skeleton(text.upper())


def _skeleton(text):
    plain = unicodedata.normalize("NFD", text.translate(_prototypes()))
    bare = "".join(char for char in plain if unicodedata.category(char) != "Mn")
    return unicodedata.normalize("NFC", bare).casefold()
