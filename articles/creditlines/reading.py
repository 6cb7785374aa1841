"""A footer read back into credits, with the variant that makes it render as sent."""

import re
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings

from .tokens import (
    PLACE_TAIL,
    group_key,
    label_patterns,
    name_problem,
    place_head,
    place_problem,
)
from .writing import (
    credit_groups,
    house_joiners,
    house_label,
    house_marks,
    in_line_order,
    local_place,
    render_credit_line,
    shared_places,
)

# Bounds on the work one footer may cost: a real one is read in its first few readings.
LONGEST_FOOTER, MOST_READINGS, MOST_PIECES = 2000, 64, 12


@dataclass
class Reading:
    style: object = None  # the Style it was read with; None when nothing could be read
    credits: list = field(default_factory=list)
    variant: dict = field(default_factory=dict)
    leftovers: list = field(default_factory=list)  # parts of the footer not read, verbatim
    problems: list = field(default_factory=list)  # why, one for each leftover


def parse_credit_line(line, styles, places=None):
    """Of every reading of a footer that renders back exactly, the one that strays least."""
    inner = line.strip()
    if not (inner.startswith("(") and inner.endswith(")")):
        return (
            Reading(leftovers=[line], problems=["it is not in parentheses"]) if inner else Reading()
        )
    inner = inner[1:-1]
    if len(inner) > LONGEST_FOOTER:
        return Reading(leftovers=[line], problems=["it is too long for a credit footer"])
    best = None
    for style in styles:
        grammar = _Grammar(style, styles, places)
        for groups in islice(grammar.groups_from(inner, 0, ""), MOST_READINGS):
            reading = grammar.credits_and_variant(groups)
            if isinstance(reading, tuple) and render_credit_line(style, *reading, places) == (
                f"({inner})"
            ):
                cost = _cost(reading[1])
                if best is None or cost < best[0]:
                    best = (cost, Reading(style, *reading))
    return best[1] if best else _read_in_parts(inner, styles, places)


def _cost(variant):
    return sum(1 if k == "order" else len(v) for k, v in variant.items() if k != "style")


def _read_in_parts(inner, styles, places):
    """What can be read group by group, with the style that reads the most of it."""
    best, best_read = Reading(leftovers=[inner], problems=["no credit style reads it"]), 0
    for style in styles:
        grammar = _Grammar(style, styles, places)
        semicolons = [m.start() for m in re.finditer("; ", inner)]
        cuts = sorted({0, *grammar.group_starts(inner, 1), *semicolons, len(inner)})
        reading, read, keys, i = Reading(style), 0, set(), 0
        while i < len(cuts) - 1:
            # The longest run of pieces from here that reads as one group.
            for j in range(min(len(cuts) - 1, i + MOST_PIECES), i, -1):
                chunk = grammar.without_separator(inner[cuts[i] : cuts[j]], cuts[i])
                group, why = grammar.one_group(chunk)
                if group and group[0] not in keys:
                    keys.add(group[0])
                    reading.credits += group[1]
                    read += len(chunk)
                    i = j
                    break
                if j == i + 1:
                    reading.leftovers.append(chunk)
                    reading.problems.append(why or "it names a role a second time")
                    i = j
        if read > best_read or (not best_read and _says_more(reading, best)):
            best, best_read = reading, read
    return best


def _says_more(reading, than):
    """Of two readings that read nothing, the one that found a label says why better."""
    found_label = [p for p in reading.problems if "starts with no credit label" not in p]
    return bool(found_label) and than.style is None


def _places_kept_whole(pieces, preposition):
    """The joiner's cuts, with a place that holds a comma ("in Washington, D.C.") mended."""
    pieces = list(pieces)
    i = 0
    while i + 2 < len(pieces):
        has_place = f" {preposition} " in pieces[i]
        if has_place and pieces[i + 1] == ", " and PLACE_TAIL.fullmatch(pieces[i + 2]):
            pieces[i : i + 3] = [pieces[i] + ", " + pieces[i + 2]]
        else:
            i += 1
    return pieces


class _Grammar:
    """The words of one style, ready to read with (labels of its language's styles too)."""

    def __init__(self, style, styles, places):
        self.style = style
        mine = {p.role for p in style.phrases}
        same = [s for s in styles if s.language == style.language and s is not style]
        patterns = label_patterns([style, *same])
        self.labels = [(style.phrase(role), patterns[role]) for role in mine if role in patterns]
        self.names = {
            name.casefold(): code
            for s in [style, *same]
            for code, _ in settings.ARTICLE_LANGUAGES
            for name in [s.language_name(code)]
        }
        # " ; " is French typography's semicolon; "&" is many desks' "and".
        self.separators = sorted(
            {p.separator for p in style.phrases if p.separator} | {"; ", ", ", " ; "}, key=len
        )[::-1]
        c, w = re.escape(style.conjunction), re.escape(style.with_word)
        self.joiner = re.compile(rf"(, (?:{c}|&|{w}) |, | (?:{c}|&|{w}) )")
        self.places = places or {}
        self.to_name = {
            local: name
            for name, names in self.places.items()
            if (local := names.get(style.language)) and local != name
        }
        self.styles = styles
        self.all_labels = label_patterns(styles)
        self._starts, self._names = {}, {}

    def label_at(self, text, start):
        """(phrase, language, label as written, where the names start) of the longest label."""
        found = None
        for phrase, patterns in self.labels:
            for pattern in patterns:
                match = pattern.match(text, start)
                if not (match and text.startswith(" ", match.end())):
                    continue
                if found is None or match.end() >= found[3]:
                    language = ""
                    if "language" in pattern.groupindex:
                        language = self.names.get(match.group("language").casefold(), "")
                    if (phrase.role == "translation") == bool(language):
                        found = (phrase, language, match.group(0), match.end() + 1)
        return found

    def without_separator(self, chunk, at):
        separator = next((s for s in self.separators if at and chunk.startswith(s)), "")
        return chunk[len(separator) :]

    def group_starts(self, text, start):
        """Where a separator followed by a label could open the next group."""
        if text not in self._starts:
            self._starts[text] = [
                at
                for at in range(len(text))
                if any(
                    text.startswith(separator, at) and self.label_at(text, at + len(separator))
                    for separator in self.separators
                )
            ]
        return [at for at in self._starts[text] if at >= start]

    def groups_from(self, text, start, separator, keys=frozenset()):
        """The ways to cut text[start:] into groups of names, each role once:
        [(separator, phrase, language, label, names)], nearest cuts first."""
        label = self.label_at(text, start)
        if not label:
            return
        phrase, language, written, names_start = label
        key = group_key(phrase.role, language)
        if key in keys:
            return
        for end in [*self.group_starts(text, names_start + 1), len(text)]:
            names = text[names_start:end]
            if isinstance(self.names_in(phrase, names), str):
                continue
            group = (separator, phrase, language, written, names)
            if end == len(text):
                yield [group]
                continue
            for sep in self.separators:
                if text.startswith(sep, end):
                    for rest in self.groups_from(text, end + len(sep), sep, keys | {key}):
                        yield [group, *rest]
                    break

    def names_in(self, phrase, text):
        if (phrase.role, text) not in self._names:
            self._names[phrase.role, text] = self.read_names(phrase, text)
        return self._names[phrase.role, text]

    def read_names(self, phrase, text):
        """([names], [joiners], [places as written]) or a reason why not."""
        pieces = _places_kept_whole(self.joiner.split(text), self.style.place_preposition)
        names, written = [], []
        for joiner, piece in zip(["", *pieces[1::2]], pieces[0::2], strict=True):
            if self._opens_a_label(joiner, piece):
                return f"“{joiner.strip(', ')} {piece}” opens another credit"
            name, preposition, place = piece.partition(f" {self.style.place_preposition} ")
            if preposition and not (phrase.has_place and place and place == place.strip()):
                return f"“{piece}” is not a name"
            problem = name_problem(name, self.styles, self.all_labels)
            if place and not problem:
                problem = place_problem(place) or name_problem(
                    place_head(place), self.styles, self.all_labels
                )
            if problem:
                return f"“{piece}” is not a name: {problem}"
            names.append(name)
            written.append(place)
        return names, pieces[1::2], written

    def _opens_a_label(self, joiner, piece):
        """ "…, avec la contribution de B": a label longer than the joining word, not a name."""
        word = joiner.strip(", ")
        if not word or word.casefold() != self.style.with_word.casefold():
            return False
        text = f"{word} {piece}"
        return any(
            (found := pattern.match(text)) and found.end() > len(word)
            for patterns in self.all_labels.values()
            for pattern in patterns
        )

    def one_group(self, text):
        """(key, credits) of a single group, or (None, why)."""
        label = self.label_at(text, 0)
        if not label:
            return None, f"“{text}” starts with no credit label of the style"
        reading = self.credits_and_variant([("", *label[:3], text[label[3] :])])
        if isinstance(reading, str):
            return None, reading
        key = group_key(label[0].role, label[1])
        return (key, reading[0]), ""

    def credits_and_variant(self, groups):
        """The credits these groups name and how they stray from the style, or why not."""
        style, credits, keys = self.style, [], []
        variant = {"labels": {}, "separators": {}, "names": {}, "as_written": []}
        for i, (separator, phrase, language, label, text) in enumerate(groups):
            key = group_key(phrase.role, language)
            names = self.names_in(phrase, text)
            if key in keys or isinstance(names, str):
                return names if isinstance(names, str) else None
            keys.append(key)
            names, joiners, written = names
            for place in written:
                if (
                    place not in self.to_name
                    and local_place(place, style.language, self.places) != place
                ):
                    variant["as_written"].append(place)
            canonical = [self.to_name.get(place, place) for place in written]
            entries = list(zip(names, shared_places(style, joiners, canonical), strict=True))
            if label != house_label(style, phrase, language):
                variant["labels"][key] = label
            if i and separator != phrase.separator:
                variant["separators"][key] = separator
            marks = [bool(place) for place in written]
            in_house = house_marks(entries)
            house = house_joiners(len(names), style.conjunction, style.serial_comma, in_house)
            if (entries, joiners, marks) != (in_line_order(entries), house, in_house):
                variant["names"][key] = {"joiners": joiners, "marks": marks}
            credits += [(phrase.role, name, place, language) for name, place in entries]
        variant = {k: v for k, v in variant.items() if v}
        if keys != list(credit_groups(style, credits)):
            variant["order"] = keys
        return credits, ({"style": style.pk, **variant} if variant else {})
