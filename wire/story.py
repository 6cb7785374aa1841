"""
A story as it arrives, before it is an article, and how plain-text wire copy becomes one.

Wire copy reads: headline on the first line; the first paragraph opens with
the dateline ("MOSCOW (Reuters) – "); the credit footer in parentheses closes
the story; whatever follows the footer (page leftovers such as "Add a Comment")
is dropped.
"""

import re
from dataclasses import dataclass, field
from html import escape

from django.utils.text import slugify


class BadStory(ValueError):
    """A file that cannot become an article; the message says why."""


@dataclass
class Story:
    source_id: str
    headline: str
    paragraphs: list = field(default_factory=list)  # plain text, as written
    body_html: str = ""  # when the source had markup; else built from paragraphs
    standfirst: str = ""
    dateline_place: str = ""
    dateline_agency: str = ""
    language: str = ""  # empty: the credit style's language decides
    footer: str = ""  # the credit line as written
    credits: list | None = None  # (role, name, place, language) when given as data, not as a footer
    section_name: str = ""
    translation_of: str = ""  # source id of the original
    lead_image_caption: str = ""
    lead_image_credit: str = ""
    notes: list = field(default_factory=list)

    @property
    def html(self):
        if self.body_html:
            return self.body_html
        return "".join(f"<p>{escape(text, quote=False)}</p>" for text in self.paragraphs)


# "MOSCOW (Reuters) – ", "GROSSETO, Italy (AP) -- ": a short place, the agency, a dash.
DATELINE = re.compile(
    r"^(?P<place>[^\s(][^()]{0,58}?)\s*\((?P<agency>[^()]{1,40})\)\s*(?:--|[–—-])\s+"
)


def split_dateline(paragraph):
    """(place, agency, rest) of a first paragraph; place and agency empty without one."""
    match = DATELINE.match(paragraph)
    if not match or not match.group("place").split(",")[0].isupper():
        return "", "", paragraph
    return match.group("place"), match.group("agency").strip(), paragraph[match.end() :]


def decode(data, name):
    """Text of an uploaded or read file, or BadStory saying what is wrong with it."""
    if not data.strip():
        raise BadStory(f"{name}: the file is empty.")
    if b"\x00" in data:
        raise BadStory(f"{name}: this is a binary file, not wire copy or ninjs JSON.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadStory(
            f"{name}: not UTF-8 text (byte {error.start} cannot be read); "
            "save the file as UTF-8 and import it again."
        ) from None
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        raise BadStory(f"{name}: this is a binary file, not wire copy or ninjs JSON.")
    return text


def parse_wire_text(text, name):
    headline, _, story = text.replace("\r\n", "\n").strip().partition("\n")
    headline = headline.strip()
    if not headline or len(headline) > 250 or headline.startswith("("):
        raise BadStory(
            f"{name}: no headline. The first line must be the headline (at most 250 "
            "characters), followed by the story."
        )
    # Paragraphs are separated by empty lines; lines inside one are joined.
    rest = [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in re.split(r"\n\s*\n", story)
    ]
    rest = [block for block in rest if block]
    footer_at = next(
        (
            i
            for i in range(len(rest) - 1, -1, -1)
            if rest[i].startswith("(") and rest[i].endswith(")")
        ),
        None,
    )
    footer = ""
    if footer_at is not None:
        footer, rest = rest[footer_at], rest[:footer_at]
    if not rest:
        raise BadStory(f"{name}: “{headline}” has a headline but no story under it.")
    place, agency, first = split_dateline(rest[0])
    paragraphs = [first, *rest[1:]] if first else rest[1:]
    return Story(
        source_id=wire_source_id(agency, headline),
        headline=headline,
        paragraphs=paragraphs,
        dateline_place=place,
        dateline_agency=agency,
        footer=footer,
    )


def wire_source_id(agency, headline):
    return f"wire:{slugify(agency) or 'copy'}:{slugify(headline)}"[:255]
