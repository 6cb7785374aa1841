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

# Characters that change the order or the look of what is around them and show nothing
# themselves: embeddings, overrides and isolates ("\u202emacs" shows as "scam"), and
# zero-width spaces. Plain text has no use for them; the browser orders right-to-left
# script by itself. Joiners stay in text: emoji and Persian words need them.
DIRECTION_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u2060\ufeff"
# In a name, which is shown inline beside other text, marks and joiners too.
NAME_INVISIBLES = DIRECTION_CONTROLS + ZERO_WIDTH + "\u200c\u200d\u200e\u200f\u061c"
_WITHOUT_CONTROLS = str.maketrans("", "", DIRECTION_CONTROLS + ZERO_WIDTH)
_WITHOUT_NAME_INVISIBLES = str.maketrans("", "", NAME_INVISIBLES)
# What ends a line in a text field (str.splitlines' list).
LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def without_direction_controls(text):
    """The text as it shows: without the invisible characters that reorder it."""
    return text.translate(_WITHOUT_CONTROLS)


def plain_name(name):
    """A name as shown beside a comment: no invisible or control characters, spaces single."""
    words = name.translate(_WITHOUT_NAME_INVISIBLES).split()
    return " ".join("".join(c for c in word if unicodedata.category(c) != "Cc") for word in words)


def is_one_line(text):
    return not LINE_BREAKS.search(text)


def mail_quote(text, length=60):
    """
    A reader's words as our mail may repeat them to an address anyone could type:
    one line, the first ``length`` characters, and no link a mail program would
    make clickable ("example[.]com", no scheme). So the newsroom's sender never
    carries a stranger's message.
    """
    line = " ".join(without_direction_controls(text).split())
    if len(line) > length:
        line = line[: length - 1].rstrip() + "…"
    line = _SCHEME.sub("", line)
    return _DOT_BEFORE_LETTER.sub("[.]", line)


_SCHEME = re.compile(
    r"\b(?:[a-z][a-z0-9+.-]*:/+|(?:mailto|javascript|data|tel|sms|callto):)", re.IGNORECASE
)
_DOT_BEFORE_LETTER = re.compile(r"(?<=\w)\.(?=[^\W\d_])")


def comment_html(text):
    """Plain text as readers wrote it: escaped, with clickable links marked as user-made."""
    html = urlize(without_direction_controls(text), autoescape=True)
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
