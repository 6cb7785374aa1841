"""A credit line written from credits: the footer, the byline and the photo credit."""

from .tokens import group_key


def join_names(names, conjunction, serial_comma=False):
    """'A', 'A and B', 'A, B and C' ('A, B, and C' with a serial comma)."""
    names = list(names)
    return _join(names, house_joiners(len(names), conjunction, serial_comma)) if names else ""


def _join(names, joiners):
    return names[0] + "".join(j + n for j, n in zip(joiners, names[1:], strict=True))


def house_joiners(count, conjunction, serial_comma, marks=None):
    """What goes between names: "A, B and C"; with places, "A and B in Paris, C in Oslo".

    A run of names sharing a place is joined like a list of its own, runs with commas,
    and the conjunction comes before the last name of all.
    """

    def conjunction_for(size):
        return f", {conjunction} " if serial_comma and size > 2 else f" {conjunction} "

    marks, joiners, run_start = marks or [False] * count, [], 0
    for i in range(count - 1):
        if i + 2 == count:
            joiners.append(conjunction_for(count))
        elif marks[i]:
            joiners.append(", ")
        elif marks[i + 1]:
            joiners.append(conjunction_for(i + 2 - run_start))
        else:
            joiners.append(", ")
        if marks[i]:
            run_start = i + 1
    return joiners


def in_line_order(entries):
    """Names with a place first: a name written before a place would share it."""
    return [e for e in entries if e[1]] + [e for e in entries if not e[1]]


def house_marks(entries):
    """After which names the place is written: the last of each run sharing one."""
    return [
        bool(place) and (i + 1 == len(entries) or entries[i + 1][1] != place)
        for i, (_, place) in enumerate(entries)
    ]


def shared_places(style, joiners, written):
    """Each name's place from where places are written (shared back to a "with")."""
    places, current = [""] * len(written), ""
    for i in range(len(written) - 1, -1, -1):
        current = written[i] or current
        places[i] = current
        if i and style.with_word in joiners[i - 1].split():
            current = ""
    return places


def _fits(style, entries, spec):
    joiners, marks = spec.get("joiners", []), spec.get("marks", [])
    if len(marks) != len(entries) or len(joiners) != len(entries) - 1:
        return False
    if any(mark and not place for (_, place), mark in zip(entries, marks, strict=True)):
        return False
    written = [place if mark else "" for (_, place), mark in zip(entries, marks, strict=True)]
    return shared_places(style, joiners, written) == [place for _, place in entries]


def name_segments(style, entries, spec=None, places=None, as_written=()):
    """[(text, is_name)] writing (name, place) entries: the spec's way when it still fits."""
    if spec and _fits(style, entries, spec):
        joiners, marks = spec["joiners"], spec["marks"]
    else:
        entries = in_line_order(entries)
        marks = house_marks(entries)
        joiners = house_joiners(len(entries), style.conjunction, style.serial_comma, marks)
    segments = []
    for i, ((name, place), mark) in enumerate(zip(entries, marks, strict=True)):
        if i:
            segments.append((joiners[i - 1], False))
        segments.append((name, True))
        if mark:
            local = place if place in as_written else local_place(place, style.language, places)
            segments.append((f" {style.place_preposition} {local}", False))
    return segments


def local_place(place, language, places):
    return (places or {}).get(place, {}).get(language) or place


def house_label(style, phrase, language):
    return phrase.label.replace("{language}", style.language_name(language))


def credit_groups(style, credits):
    """{group key: (phrase, language, [(name, place)])} in the style's order of roles."""
    groups = {}
    for phrase in style.phrases:
        for role, name, place, language in credits:
            if role == phrase.role:
                key = group_key(role, language)
                groups.setdefault(key, (phrase, language, []))[2].append((name, place))
    return groups


def render_credit_line(style, credits, variant=None, places=None):
    """
    "(Reporting by A in X and B in Y; Editing by C)" from (role, name, place, language)
    credits. Roles the style has no phrase for are left out; the variant, read with this
    style from a footer as sent, is followed wherever it still fits the credits.
    """
    variant = variant if variant and variant.get("style") == style.pk else {}
    groups = credit_groups(style, credits)
    keys = list(groups)
    if keys and sorted(variant.get("order", [])) == sorted(keys):
        keys = variant["order"]
    parts = []
    for i, key in enumerate(keys):
        phrase, language, entries = groups[key]
        label = variant.get("labels", {}).get(key) or house_label(style, phrase, language)
        spec = variant.get("names", {}).get(key)
        names = name_segments(style, entries, spec, places, variant.get("as_written", ()))
        separator = variant.get("separators", {}).get(key, phrase.separator) if i else ""
        parts.append(f"{separator}{label} {''.join(text for text, _ in names)}")
    return f"({''.join(parts)})" if parts else ""


def line_order(style, credits):
    """The credits in the order a house-style line names them (what reading it gives)."""
    return [
        (phrase.role, name, place, language)
        for phrase, language, entries in credit_groups(style, credits).values()
        for name, place in in_line_order(entries)
    ]


def byline_segments(style, credits, places=None, roles=("reporting", "writing")):
    """[(text, is_name)] of "By Ann Lee and Bo Ek in Paris": reporters and writers, once each."""
    entries, seen = [], set()
    for role in roles:
        for credit_role, name, place, _ in credits:
            if credit_role == role and name not in seen:
                seen.add(name)
                entries.append((name, place))
    if not entries:
        return []
    return [(f"{style.byline_label} ", False), *name_segments(style, entries, places=places)]


def photo_segments(style, credits):
    """[(text, is_name)] of "Photo: Ann Lee" from the photography credits."""
    names = [(name, "") for role, name, _, _ in credits if role == "photography"]
    names = list(dict.fromkeys(names))
    if not names:
        return []
    return [(f"{style.photo_label} ", False), *name_segments(style, names)]


def style_for(styles, style_id, language, for_translations):
    """Of ``styles``, the article's own style, else the best match for its language."""
    if style_id:
        for style in styles:
            if style.pk == style_id:
                return style
    candidates = (
        lambda s: s.language == language and s.for_translations == for_translations,
        lambda s: s.language == language,
        lambda s: s.language == "en" and s.for_translations == for_translations,
    )
    for matches in candidates:
        for style in styles:
            if matches(style):
                return style
    return styles[0] if styles else None
