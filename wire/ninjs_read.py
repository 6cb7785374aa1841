"""
A ninjs document read into Stories and pictures, whichever version or dialect it is in.

A text item becomes a Story only with a headline and a body: a headline never stands in
from the uri or the slug line, and an empty story is refused with the reason, so
nothing empty is ever published. A picture is never an article: it is read as a
WirePicture for the media library. A kill notice (pubstatus "canceled") carries no
story and is read as one so that the importer can obey it.
"""

import json
import re
from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.dateparse import parse_datetime

from articles.html import html_to_text
from articles.models import Role

from . import fields
from .dialects import (
    agency_name,
    article_language,
    body_content,
    canonical,
    dateline_span,
    items_of,
    language_tag,
    lower_keys,
    read_byline,
    refuse_bad_text,
    text_paragraphs,
)
from .live_ninjs import read_live_posts
from .story import BARE_SLUG, BadStory, PictureItem, Story, WirePicture, split_dateline
from .subjects import read_subjects

PICTURE_TYPES = {"picture", "graphic"}
TEXT_TYPES = {"text", "composite"}
# Renditions in the order a library would take them: the original first.
RENDITION_PREFERENCE = ["original", "baseimage", "highres", "main", "viewimage", "preview"]
# infosource roles that name where the story comes from, not who wrote it.
SOURCE_ROLE = re.compile(r"originfo|origin|source|originator|publisher|agency|distributor", re.I)


def load_document(text, name):
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadStory(f"{name}: not valid JSON (line {error.lineno}: {error.msg}).") from None
    except RecursionError:
        raise BadStory(f"{name}: JSON nested too deeply to be a ninjs item.") from None
    except ValueError as error:  # e.g. a number of more digits than Python reads
        raise BadStory(f"{name}: not valid JSON ({error}).") from None
    if not isinstance(document, dict):
        raise BadStory(f"{name}: a ninjs item is a JSON object.")
    refuse_bad_text(document, name)
    try:
        return lower_keys(document)
    except RecursionError:
        raise BadStory(f"{name}: JSON nested too deeply to be a ninjs item.") from None


def parse_ninjs_items(text, name):
    """Each item of a document, in order: a Story, a WirePicture, or the BadStory that
    refuses it, so that one bad item of a wrapper does not stop the others."""
    items = items_of(load_document(text, name))
    if not items:
        raise BadStory(f"{name}: the document wraps no items.")
    results = []
    for number, item in enumerate(items, start=1):
        label = name if len(items) == 1 else f"{name}, item {number} of {len(items)}"
        try:
            results.append(parse_item(item, label))
        except BadStory as refusal:
            results.append(refusal)
    return results


def parse_ninjs(text, name):
    """A document of one story as a Story; BadStory (PictureItem for a picture) if not."""
    results = parse_ninjs_items(text, name)
    if len(results) > 1:
        raise BadStory(
            f"{name}: a content-API answer wrapping {len(results)} items; "
            "each is to be imported as an item of its own."
        )
    (result,) = results
    if isinstance(result, BadStory):
        raise result
    if isinstance(result, WirePicture):
        raise PictureItem(result, name)
    return result


def parse_item(item, name):
    if not isinstance(item, dict):
        raise BadStory(f"{name}: a ninjs item is a JSON object.")
    item = canonical(item)
    kind = fields.text(item, "type").lower() or "text"
    uri, guid = fields.text(item, "uri"), fields.text(item, "guid")
    if not (uri or guid):
        raise BadStory(f"{name}: no “uri”; every ninjs item must have one.")
    if kind in PICTURE_TYPES:
        return parse_picture(item, name, guid or uri)
    if kind not in TEXT_TYPES:
        raise BadStory(f"{name}: a {kind[:40]} item; only text stories and pictures are imported.")
    story = Story(source_id=(guid or uri)[:255], headline="")
    story.other_ids = [uri[:255]] if guid and uri else []
    _read_status(item, story)
    tag = language_tag(fields.text(item, "language"))
    story.language_tag, story.language = tag, article_language(tag)
    if story.language and story.language not in dict(settings.ARTICLE_LANGUAGES):
        story.notes.append(
            f"The wire labels the story “{tag}”, a language the newsroom does not list "
            "(ARTICLE_LANGUAGES): kept as sent; add it to the list to choose it in the admin."
        )
    headline = _headline(item, name, uri, guid)
    if story.pubstatus == "canceled":
        # A kill notice: what it names is withdrawn; it need not say anything else.
        story.headline = headline
        return story
    if not headline:
        raise BadStory(
            f"{name}: no headline (“headline” or “headlines”); a story is not imported "
            "without one, and its uri or slug line is not a headline."
        )
    story.headline = headline
    _read_body(item, story, name)
    descriptions = _texts(item, "descriptions", name)
    story.standfirst = _pick(descriptions, "summary", markup=False) or html_to_text(
        _pick(descriptions, "summary", markup=True)
    ).replace("\n", " ")
    story.dateline_place = story.dateline_place or fields.text(item, "located")
    _read_people(item, story)
    _read_links(item, story, name, uri)
    return story


def _headline(item, name, uri, guid):
    """The main headline, unless it is only the item's id or slug line standing in."""
    headline = " ".join(_pick(_texts(item, "headlines", name), "main").split())
    slugline = fields.text(item, "slugline")
    placeholder = (
        headline in {uri, guid}
        or re.match(r"(?:urn|tag|https?):", headline)
        or (headline == slugline and BARE_SLUG.fullmatch(headline))
    )
    return "" if placeholder else headline


def _read_status(item, story):
    status = fields.text(item, "pubstatus").lower()
    story.pubstatus = status if status in {"usable", "withheld", "canceled"} else "usable"
    story.embargoed = _moment(item, "embargoed")
    story.first_created = _moment(item, "firstcreated")
    story.version_created = _moment(item, "versioncreated") or _moment(item, "version_created")
    replaced = item.get("replaces")
    replaced = replaced if isinstance(replaced, list) else [replaced]
    replaced.append(item.get("evolvedfrom"))  # Superdesk's update of an earlier item
    for entry in replaced:
        value = entry.get("uri") if isinstance(entry, dict) else entry
        if isinstance(value, str) and value.strip():
            story.replaces.append(value.strip()[:255])


def _moment(item, key):
    value = fields.text(item, key)
    try:
        moment = parse_datetime(value) if value else None
    except ValueError:  # well formed, but no such day or hour
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # ninjs times without a zone are UTC
    return moment


def _body_rank(entry):
    """html first, then xhtml, then plain text."""
    content_type = entry.get("contenttype", "").lower()
    if "xhtml" in content_type or "xml" in content_type:
        return 1
    if "html" in content_type or entry.get("role") == "richtext":
        return 0
    return 2


def _read_body(item, story, name):
    bodies = sorted((e for e in _texts(item, "bodies", name) if e["value"].strip()), key=_body_rank)
    for entry in bodies:
        if _body_rank(entry) < 2:
            marked_place, markup = dateline_span(entry["value"])
            html = body_content(markup)
            if html_to_text(html):
                story.body_html, story.dateline_place, story.dateline_agency = _dateline(html)
                story.dateline_place = story.dateline_place or marked_place
                if not story.dateline_place:
                    # Our own export: the dateline opens the plain text only.
                    plain = [text_paragraphs(e["value"]) for e in bodies if _body_rank(e) == 2]
                    if plain and plain[0]:
                        place, agency, _ = split_dateline(plain[0][0])
                        story.dateline_place, story.dateline_agency = place, agency
                return
        elif paragraphs := text_paragraphs(entry["value"]):
            place, agency, first = split_dateline(paragraphs[0])
            story.paragraphs = [first, *paragraphs[1:]] if first else paragraphs[1:]
            story.dateline_place, story.dateline_agency = place, agency
            if story.paragraphs:
                return
    renditions = [fields.text(r, "name") for r in fields.objects(item, "renditions")]
    only_linked = f" (it is only linked, as the “{renditions[0]}” rendition)" if renditions else ""
    raise BadStory(
        f"{name}: “{story.headline}” has no body{only_linked}; a story is not imported "
        "without its text."
    )


def _dateline(html):
    """(html, place, agency): the dateline opening the first paragraph, taken out."""
    if not html.startswith("<p>"):
        return html, "", ""
    place, agency, rest = split_dateline(html[3:])
    return (f"<p>{rest}", place, agency) if place else (html, "", "")


def _read_people(item, story):
    """Credits from the credit line or infosources; an agency is the story's source."""
    by = fields.text(item, "by")
    story.credits = _infosource_credits(item, story.language or "en")
    story.infosource = _infosource(item)
    if by.startswith("(") and by.endswith(")"):
        story.footer = by
    elif by:
        people, agency = read_byline(by)
        story.infosource = story.infosource or agency
        if people and not story.credits:
            story.credits = [(Role.REPORTING, person, "", "") for person in people]
            story.notes.append(f"Byline “{by}” has no credit style: imported as reporting credits.")


def _infosource(item):
    for source in fields.objects(item, "infosources"):
        role, source_name = fields.text(source, "role"), fields.text(source, "name")
        if source_name and role not in Role.values and (SOURCE_ROLE.search(role) or not role):
            return (agency_name(source_name) or source_name)[:100]
    named = item.get("infosource") or item.get("source")
    named = named.get("name") if isinstance(named, dict) else named
    return named.strip()[:100] if isinstance(named, str) else ""


def _infosource_credits(item, language):
    """Credits from infosources with our roles; a translation is into the item's language."""
    credits = []
    for source in fields.objects(item, "infosources"):
        role, person = fields.text(source, "role"), fields.text(source, "name")
        if role in Role.values and person:
            credits.append((role, person, "", language if role == Role.TRANSLATION else ""))
    return credits


def _read_links(item, story, name, uri):
    """Section, translation, other ids, our own export, and the pictures sent with it."""
    story.section_name = next(
        (
            fields.text(s, "name")
            for s in fields.objects(item, "subjects")
            if s.get("rel") == "section"
        ),
        "",
    )
    read_subjects(fields.objects(item, "subjects"), story)
    story.live_posts = read_live_posts(item)
    altids = {
        fields.text(a, "role"): fields.text(a, "value") for a in fields.objects(item, "altids")
    }
    story.translation_of = altids.get("translation-of", "")
    if altids.get("source"):
        story.other_ids.append(altids["source"][:255])
    if altids.get("newsroom", "").isdigit() and uri:
        # Our own export coming back: the article it was made from, if it is still there.
        story.own_article = (int(altids["newsroom"]), urlsplit(uri).path)
    image = next(
        (a for a in fields.objects(item, "associations") if a.get("type") == "picture"), None
    )
    if image:
        # The picture itself is not fetched: what was said of it stays with the story, for
        # an editor who finds it and puts it in the media library.
        caption = _pick(_texts(canonical(image), "descriptions", name), "caption", False)
        said = (("caption", caption), ("credit", fields.text(canonical(image), "by")))
        said = "; ".join(f"{label}: {value}" for label, value in said if value)
        if said:
            story.notes.append(f"Lead picture sent with the story (not imported), {said}")


def parse_picture(item, name, source_id):
    """A picture item: its caption, credit, photographer and where its file is."""
    descriptions = _texts(item, "descriptions", name)
    caption = _pick(descriptions, "caption", markup=False) or html_to_text(
        _pick(descriptions, "caption", markup=True)
    ).replace("\n", " ")
    by = fields.text(item, "by")
    people, agency = read_byline(by)
    renditions = [
        (fields.text(r, "name"), fields.text(r, "href"))
        for r in fields.objects(item, "renditions")
        if fields.text(r, "href")
    ]
    ranked = sorted(
        renditions,
        key=lambda r: (
            RENDITION_PREFERENCE.index(r[0].lower())
            if r[0].lower() in RENDITION_PREFERENCE
            else len(RENDITION_PREFERENCE)
        ),
    )
    tag = language_tag(fields.text(item, "language"))
    return WirePicture(
        source_id=source_id[:255],
        title=" ".join(_pick(_texts(item, "headlines", name), "main").split()),
        caption=" ".join(caption.split()),
        credit=fields.text(item, "creditline") or fields.text(item, "copyrightholder") or by,
        photographer=people[0] if people else "",
        infosource=_infosource(item) or agency,
        href=ranked[0][1] if ranked else "",
        renditions=renditions,
        language=article_language(tag),
    )


def _texts(item, key, name):
    value = item.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(v, dict) and isinstance(v.get("value"), str) for v in value
    ):
        raise BadStory(f"{name}: “{key}” must be a list of objects with a text “value”.")
    for entry in value:
        for label in ("contenttype", "role"):
            if label in entry and not isinstance(entry[label], str):
                raise BadStory(
                    f"{name}: in “{key}”, “{label}” must be text, "
                    f"not {json.dumps(entry[label])[:40]}."
                )
    return value


def _is_markup(entry):
    content_type = entry.get("contenttype", "")
    return "html" in content_type or "xml" in content_type or entry.get("role") == "richtext"


def _pick(entries, role, markup=None):
    """The value with this role, else the first one (of the kind asked for); "" if none."""
    fitting = [e for e in entries if markup is None or _is_markup(e) == markup]
    chosen = next((e for e in fitting if e.get("role") == role), fitting[0] if fitting else None)
    return chosen["value"].strip() if chosen else ""
