"""
Credit lines, one grammar in both directions: written from credits, read from a footer.

A credit is a plain tuple (role, name, place, language). A style (CreditStyle and its
CreditPhrase rows, edited in the admin) arrives here as plain values: its labels (and
the other labels it reads), separators, conjunction, joining word ("with"), serial comma,
place preposition and language names are the only words this module knows. Places come
as {name: {language: name in that language}}. Nothing here touches the database.

    (Reporting by Ann Lee and Bo Ek in Paris, Cy Do in Oslo; Editing by Di Fa)
     ^label        ^name    ^joiner ^place      ^joiner        ^separator

A place is written after the last of the names that share it: "A and B in Paris" is
both in Paris; "with" stops the sharing ("A, with B in Oslo": A has no place).
A footer written otherwise than its style writes it (another separator, label case,
serial comma, group order, place per name …) is read together with a *variant*, a small
dict kept on the article so that the line renders back as it was sent.
"""

from .reading import Reading, parse_credit_line
from .tokens import Phrase, Style, group_key, label_patterns, name_problem
from .writing import (
    byline_segments,
    credit_groups,
    in_line_order,
    join_names,
    line_order,
    name_segments,
    photo_segments,
    render_credit_line,
    style_for,
)

__all__ = [
    "Phrase",
    "Reading",
    "Style",
    "byline_segments",
    "credit_groups",
    "group_key",
    "in_line_order",
    "join_names",
    "label_patterns",
    "line_order",
    "name_problem",
    "name_segments",
    "parse_credit_line",
    "photo_segments",
    "render_credit_line",
    "style_for",
]
