"""
Credit footers read back into structured credits.

There is no list of phrases here: every CreditStyle is tried with its own
labels, separators, conjunction and place preposition, and a reading counts
only if rendering it with that style gives back the footer character for
character. Whatever no style can read is returned as leftovers for a note.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings

from articles.creditlines import render_credit_line
from articles.models import ROLES_WITH_PLACE, CreditStyle


@dataclass
class ParsedCredits:
    style: object = None  # articles.creditlines.Style, or None when nothing was read
    credits: list = field(default_factory=list)  # (role, name, place, language) tuples
    leftovers: list = field(default_factory=list)  # parts of the footer no style could read


def parse_credit_line(line, styles=None):
    """The best reading of a footer such as "(Reporting by A in X; Editing by B)"."""
    line = line.strip()
    inner = line[1:-1] if line.startswith("(") and line.endswith(")") else line
    if not inner.strip():
        return ParsedCredits()
    styles = CreditStyle.objects.plain_styles() if styles is None else styles
    for style in styles:
        credits = _read_whole(style, inner)
        if credits is not None and render_credit_line(style, credits) == f"({inner})":
            return ParsedCredits(style, credits)
    return _read_in_parts(styles, inner)


def _read_in_parts(styles, inner):
    """Read what can be read, part by part, with the style that reads the most."""
    best = ParsedCredits(leftovers=[inner])
    for style in styles:
        separators = sorted({p.separator for p in style.phrases if p.separator}, key=len)
        if not separators:
            continue
        # [text, separator, text, separator, text...]: read the longest run of parts.
        pieces = re.split("(" + "|".join(re.escape(s) for s in reversed(separators)) + ")", inner)
        count = (len(pieces) + 1) // 2
        credits, leftovers, i = [], [], 0
        while i < count:
            for j in range(count, i, -1):
                text = "".join(pieces[2 * i : 2 * j - 1])
                read = _read_whole(style, text)
                if read is not None and render_credit_line(style, read) == f"({text})":
                    credits += read
                    i = j
                    break
            else:
                leftovers.append(pieces[2 * i])
                i += 1
        if credits and len("".join(leftovers)) < len("".join(best.leftovers)):
            best = ParsedCredits(style, credits, leftovers)
    return best


def _read_whole(style, text):
    """Credits for the whole text read as groups of this style, or None."""
    phrases = [(phrase, _label_pattern(style, phrase.label)) for phrase in style.phrases]
    return _read_from(style, phrases, text, 0)


def _read_from(style, phrases, text, start):
    for phrase, pattern in phrases:
        match = pattern.match(text, start)
        if not match:
            continue
        language = _language_code(style, match.group("language")) if "{" in phrase.label else ""
        if language is None:
            continue
        names_start = match.end()
        # The names run up to the next "separator + label" or to the end: try each.
        for end in _group_ends(phrases, text, names_start):
            names = _read_names(style, phrase.role, language, text[names_start:end])
            if names is None:
                continue
            if end == len(text):
                return names
            for other, _ in phrases:
                if text.startswith(other.separator, end):
                    rest = _read_from(style, phrases, text, end + len(other.separator))
                    if rest is not None:
                        return names + rest
    return None


def _group_ends(phrases, text, start):
    ends = set()
    for phrase, pattern in phrases:
        if not phrase.separator:
            continue
        at = text.find(phrase.separator, start)
        while at != -1:
            if pattern.match(text, at + len(phrase.separator)):
                ends.add(at)
            at = text.find(phrase.separator, at + 1)
    return [*sorted(ends), len(text)]


def _read_names(style, role, language, text):
    """("A in X, B and C in Y") into credit tuples, or None if it is not a list of names."""
    if not text or text != text.strip():
        return None
    head, conjunction, last = text.rpartition(f" {style.conjunction} ")
    entries = [*head.split(", "), last] if conjunction else [text]
    credits = []
    for entry in entries:
        name, place = entry, ""
        if role in ROLES_WITH_PLACE:
            name, _, place = entry.partition(f" {style.place_preposition} ")
        if not _looks_like_a_name(name, style.conjunction) or not _looks_like_a_name(
            place or "-", style.conjunction
        ):
            return None
        credits.append((role, name, place, language))
    return credits


def _looks_like_a_name(text, conjunction):
    words = text.split(" ")
    return (
        text == text.strip()
        and not any(mark in text for mark in ";()")
        and "" not in words
        and conjunction not in (words[0], words[-1])
    )


def _label_pattern(style, label):
    before, has_language, after = label.partition("{language}")
    pattern = re.escape(before)
    if has_language:
        names = sorted({style.language_name(code) for code, _ in settings.ARTICLE_LANGUAGES})
        pattern += "(?P<language>" + "|".join(re.escape(n) for n in names) + ")" + re.escape(after)
    return re.compile(pattern + " ")


def _language_code(style, name):
    for code, _ in settings.ARTICLE_LANGUAGES:
        if style.language_name(code) == name:
            return code
    return None
