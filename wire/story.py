"""
A story as it arrives, before it is an article, and how plain-text wire copy becomes one.

Wire copy reads: an id line ("ID: …") or slug line ("SLUG: …", or a bare
"RUSSIA-WAGNER/NORWAY") may come first, then the headline; the first paragraph
opens with the dateline ("MOSCOW (Reuters) – "); the credit footer in parentheses
closes the story. Agency trailers after it ("Our Standards: …", "Add a Comment",
"(This story has been corrected to …)") are never read as the footer: correction
lines are kept in the article's notes, the rest is dropped.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from django.utils.text import slugify


class BadStory(ValueError):
    """A file that cannot become an article; the message says why."""


@dataclass
class WirePicture:
    """A picture item: it belongs in the media library, never in an article."""

    source_id: str
    title: str = ""
    caption: str = ""
    credit: str = ""  # as the agency gives it: "Reuters/Ann Photographer"
    photographer: str = ""  # a person's name; empty when only an agency is named
    infosource: str = ""  # the agency the picture comes from, when named as one
    href: str = ""  # the rendition chosen: the original, else the largest
    renditions: list = field(default_factory=list)  # (name, href) as sent
    language: str = ""
    kind: str = "picture"


class PictureItem(BadStory):
    """Raised where a story was expected and a picture came: it carries the picture."""

    def __init__(self, picture, name):
        super().__init__(
            f"{name}: “{picture.title or picture.source_id}” is a picture, not a story: "
            "it goes to the media library with its caption and credit, never into an article."
        )
        self.picture = picture


@dataclass
class Story:
    source_id: str
    headline: str
    paragraphs: list = field(default_factory=list)  # plain text, as written
    body_html: str = ""  # when the source had markup; else built from paragraphs
    standfirst: str = ""
    dateline_place: str = ""
    dateline_agency: str = ""
    language: str = ""  # an article language; empty: the credit style's language decides
    language_tag: str = ""  # the BCP-47 tag as the wire gave it ("nb-NO", "zh-Hant")
    footer: str = ""  # the credit line as written
    credits: list | None = None  # (role, name, place, language) when given as data, not as a footer
    section_name: str = ""
    section_code: str = ""  # its slug, when the story names it by code
    topics: list = field(default_factory=list)  # (code, name) of each topic named
    live_posts: list = field(default_factory=list)  # a live story's posts (wire/live_ninjs.py)
    translation_of: str = ""  # source id of the original
    notes: list = field(default_factory=list)
    other_ids: list = field(default_factory=list)  # more ids the story may have come in as
    own_article: tuple | None = None  # (pk, path) when this is our own ninjs export
    # What the wire says of the item itself, obeyed by the importer.
    pubstatus: str = "usable"  # "usable", "withheld" or "canceled"
    embargoed: datetime | None = None  # not public before this moment
    first_created: datetime | None = None  # the source's times; an older version never
    version_created: datetime | None = None  # replaces a newer one
    replaces: list = field(default_factory=list)  # uris of earlier versions it replaces
    infosource: str = ""  # the agency the story comes from, when named as one

    @property
    def html(self):
        if self.body_html:
            return self.body_html
        return "".join(f"<p>{escape(text, quote=False)}</p>" for text in self.paragraphs)


# "MOSCOW (Reuters) – ", "GROSSETO, Italy (AP) -- ", "SPRINGFIELD--(BUSINESS WIRE)--":
# a short place, the agency, a dash.
DATELINE = re.compile(
    r"^(?P<place>[^\s(][^()]{0,58}?)\s*(?:--)?\s*\((?P<agency>[^()]{1,40})\)\s*(?:--\s*|[–—-]\s+)"
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


ID_LINE = re.compile(r"(?:id|story id|item id|guid|uri)\s*:\s*(?P<id>\S.{0,200})", re.I)
SLUG_LINE = re.compile(r"(?:slug|slugline|slug line|keyword)\s*:\s*(?P<slug>\S.{0,200})", re.I)
BARE_SLUG = re.compile(r"(?P<slug>[A-Z0-9]+(?:[-/][A-Z0-9]*)+)(?:\s+\([A-Z0-9 ,-]+\))?")
CORRECTION = re.compile(
    r"\(?(?:this (?:story|article|report|version)\b.{0,60}?\b(?:has been|was|is) "
    r"(?:corrected|refiled|updated|amended|clarified|changed|withdrawn)"
    r"|\((?:corrects|refiles|clarifies|updates|recasts|adds|fixes|removes)\b)",
    re.I,
)
TRAILER = re.compile(
    r"add a comment|our standards:.*|sign up here\.?|(?:©|\(c\)|copyright)\s.*",
    re.I,
)


def is_trailer(paragraph):
    """An agency's line after the story: never the credit footer."""
    correction = CORRECTION.match(paragraph) and (
        not paragraph.startswith("(") or paragraph.endswith(")")
    )
    return bool(correction or TRAILER.fullmatch(paragraph))


def _ids(lines):
    """(id, slug, lines left) from the id and slug lines above the headline."""
    story_id = slug = ""
    while lines:
        line = lines[0].strip()
        if not line:
            lines.pop(0)
        elif match := ID_LINE.fullmatch(line):
            story_id = match.group("id").strip()
            lines.pop(0)
        elif match := SLUG_LINE.fullmatch(line) or BARE_SLUG.fullmatch(line):
            slug = re.sub(r"\s*\(.*\)$", "", match.group("slug")).strip()
            lines.pop(0)
        else:
            break
    return story_id, slug, lines


def parse_wire_text(text, name):
    story_id, slug, lines = _ids(text.replace("\r\n", "\n").strip().split("\n"))
    headline, story = (lines[0], "\n".join(lines[1:])) if lines else ("", "")
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
    notes = []
    while rest and is_trailer(rest[-1]):
        trailer = rest.pop()
        if CORRECTION.match(trailer):
            notes.insert(0, f"The agency's note after the story: {trailer}")
    footer = ""
    # A footer that lost its closing parenthesis is still the footer (flagged when read),
    # never the story's last paragraph.
    if rest and rest[-1].startswith("(") and (rest[-1].endswith(")") or ")" not in rest[-1]):
        footer = rest.pop()
    if not rest:
        raise BadStory(f"{name}: “{headline}” has a headline but no story under it.")
    place, agency, first = split_dateline(rest[0])
    paragraphs = [first, *rest[1:]] if first else rest[1:]
    return Story(
        source_id=wire_source_id(agency, headline, story_id, slug),
        headline=headline,
        paragraphs=paragraphs,
        dateline_place=place,
        dateline_agency=agency,
        footer=footer,
        notes=notes,
    )


def wire_source_id(agency, headline, story_id="", slug=""):
    """The agency's id when the copy has one, its slug line next, agency and headline last."""
    if story_id:
        return f"wire:id:{story_id}"[:255]
    if slug:
        return f"wire:{slugify(agency) or 'copy'}:slug:{slugify(slug.replace('/', '-'))}"[:255]
    return f"wire:{slugify(agency) or 'copy'}:{slugify(headline)}"[:255]
