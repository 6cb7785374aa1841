"""The words of a credit style as plain values, and what a contributor's name may not be."""

import re
from dataclasses import dataclass, field

from django.conf import settings

PUNCTUATION = set(';,()[]{}<>:/\\|@#*=+"\n\t')
LONGEST_NAME, MOST_WORDS = 70, 8


@dataclass(frozen=True)
class Phrase:
    role: str
    label: str
    separator: str
    has_place: bool = False
    also: tuple = ()  # other labels read as this role: "Reported by", "Reportage de"


@dataclass(frozen=True)
class Style:
    pk: int
    name: str
    language: str
    for_translations: bool
    conjunction: str
    place_preposition: str
    language_names: dict = field(default_factory=dict)
    phrases: tuple = ()
    serial_comma: bool = False
    with_word: str = "with"
    byline_label: str = "By"
    photo_label: str = "Photo:"

    def language_name(self, code):
        if code in self.language_names:
            return self.language_names[code]
        return dict(settings.ARTICLE_LANGUAGES).get(code, code)

    def phrase(self, role):
        return next((p for p in self.phrases if p.role == role), None)


def group_key(role, language):
    return f"{role}:{language}" if language else role


# What a name may not be


def label_patterns(styles, language=None):
    """{role: [compiled label]} for every label (and other label) of these styles."""
    found = {}
    for style in styles:
        if language and style.language != language:
            continue
        names = sorted(
            {style.language_name(code) for code, _ in settings.ARTICLE_LANGUAGES}, key=len
        )
        for phrase in style.phrases:
            for label in (phrase.label, *phrase.also):
                before, has_language, after = label.partition("{language}")
                pattern = re.escape(before)
                if has_language:
                    alternatives = "|".join(re.escape(n) for n in reversed(names))
                    pattern += f"(?P<language>{alternatives}){re.escape(after)}"
                found.setdefault(phrase.role, {})[pattern] = re.compile(pattern, re.IGNORECASE)
    return {role: list(patterns.values()) for role, patterns in found.items()}


def name_problem(name, styles):
    """Why ``name`` cannot be a contributor's name ("" when it can)."""
    words = name.split()
    if not words:
        return "it is empty"
    if any(c.isdigit() for c in name):
        return "it contains digits"
    if marks := sorted(set(name) & PUNCTUATION):
        return f"it contains “{marks[0].strip() or 'a line break'}”"
    if len(name) > LONGEST_NAME or len(words) > MOST_WORDS:
        return "it is too long for a name"
    if not any(c.isalpha() for c in name):
        return "it has no letters"
    for style in styles:
        for word in (style.conjunction, style.with_word):
            if word and re.search(rf"(?<!\S){re.escape(word)}(?!\S)", name, re.IGNORECASE):
                return f"it joins names with “{word}”"
        preposition = re.compile(rf"\s{re.escape(style.place_preposition)}\s+\S", re.IGNORECASE)
        if style.place_preposition and preposition.search(name.strip()):
            return f"it names a place (“{style.place_preposition} …”)"
    for patterns in label_patterns(styles).values():
        for pattern in patterns:
            found = re.search(rf"(?<!\w){pattern.pattern}(?!\w)", name, re.IGNORECASE)
            if found:
                return f"it contains the credit label “{found.group(0)}”"
    return ""


def place_problem(place):
    if set(place) & PUNCTUATION or any(c.isdigit() for c in place) or len(place) > 60:
        return f"“{place}” is not a place"
    return ""
