"""The words of a credit style as plain values, and what a contributor's name may not be."""

import re
from dataclasses import dataclass, field

from django.conf import settings

PUNCTUATION = set(';,()[]{}<>:/\\|@#*=+&"\n\t–—')  # noqa: RUF001 - dashes, on purpose
LONGEST_NAME, MOST_WORDS = 70, 8
# "Washington, D.C.": what follows a place's comma when it is still the place.
PLACE_TAIL = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][a-z]?\.")


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


def name_problem(name, styles, labels=None):
    """Why ``name`` cannot be a contributor's name ("" when it can).

    ``labels`` is label_patterns(styles), for callers that check many names.
    """
    words = name.split()
    if not words:
        return "it is empty"
    if any(c.isdigit() for c in name):
        return "it contains digits"
    if marks := sorted(set(name) & PUNCTUATION):
        return f"it contains “{marks[0].strip() or 'a line break'}”"
    if " ".join(words) != name:
        return "it has stray spaces"
    if len(name) > LONGEST_NAME or len(words) > MOST_WORDS:
        return "it is too long for a name"
    if not any(c.isalpha() for c in name):
        return "it has no letters"
    if not re.search(r"[^\W\d_]{2}", name):
        return "it is only initials"
    folded = [word.casefold() for word in words]
    for style in styles:
        for word in (style.conjunction, style.with_word, style.place_preposition):
            if word and word.casefold() in folded:
                return f"it contains “{word}”, which joins names or names a place"
    labels = label_patterns(styles) if labels is None else labels
    for patterns in labels.values():
        for pattern in patterns:
            for found in pattern.finditer(name):
                before, after = name[found.start() - 1 : found.start()], name[found.end() :][:1]
                if not (before.isalnum() or after.isalnum()):
                    return f"it contains the credit label “{found.group(0)}”"
    if folded[0] in label_tails(labels):
        return f"it starts with “{words[0]}”"
    return ""


def label_tails(labels):
    """The small words labels end with ("by", "par", "de"): no name starts with one."""
    return {
        pattern.pattern.rsplit("\\ ", 1)[-1].casefold()
        for patterns in labels.values()
        for pattern in patterns
        if "\\ " in pattern.pattern and pattern.pattern.rsplit("\\ ", 1)[-1].islower()
    }


def place_head(place):
    """ "Washington" of "Washington, D.C.": a comma may hold a place's region."""
    head, comma, tail = place.partition(", ")
    return head if comma and PLACE_TAIL.fullmatch(tail) else place


def place_problem(place):
    place = place_head(place)
    if set(place) & PUNCTUATION or any(c.isdigit() for c in place) or len(place) > 60:
        return f"“{place}” is not a place"
    return ""
