"""
Wire-style credit lines, generated from structured credits and a style.

A style is data (CreditStyle and its CreditPhrase rows, edited in the admin).
Rendering works on plain values so that it costs no queries once the credits
are loaded, and so that the wire importer can run the same rules backwards.
"""

from dataclasses import dataclass, field

from django.conf import settings


@dataclass(frozen=True)
class Phrase:
    role: str
    label: str
    separator: str


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

    def language_name(self, code):
        if code in self.language_names:
            return self.language_names[code]
        return dict(settings.ARTICLE_LANGUAGES).get(code, code)


def join_names(names, conjunction):
    """'A', 'A and B', 'A, B and C' (wire copy uses no serial comma)."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def render_credit_line(style, credits):
    """
    Render credits, given as (role, name, place, language) tuples in order,
    as "(Reporting by A in X and B in Y; Editing by C)". Roles the style has
    no phrase for, and roles nobody is credited with, are left out.
    """
    parts = []
    for phrase in style.phrases:
        role_credits = [c for c in credits if c[0] == phrase.role]
        # Translators into different languages get a group each.
        groups = {}
        for _, name, place, language in role_credits:
            groups.setdefault(language, []).append(
                f"{name} {style.place_preposition} {place}" if place else name
            )
        for language, names in groups.items():
            label = phrase.label.replace("{language}", style.language_name(language))
            parts.append((phrase.separator, f"{label} {join_names(names, style.conjunction)}"))
    if not parts:
        return ""
    line = parts[0][1] + "".join(separator + text for separator, text in parts[1:])
    return f"({line})"


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
