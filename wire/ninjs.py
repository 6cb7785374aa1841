"""ninjs 2.x into a Story; what our own export writes is in wire/export.py."""

import json
from urllib.parse import urlsplit

from django.conf import settings

from articles.html import sanitize_html
from articles.models import Role

from .live_ninjs import read_live_posts
from .ninjs3 import as_ninjs2
from .story import BadStory, Story, split_dateline
from .subjects import read_subjects


def parse_ninjs(text, name):
    """A ninjs 2.x document as a Story; BadStory if it is not one."""
    try:
        item = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadStory(f"{name}: not valid JSON (line {error.lineno}: {error.msg}).") from None
    except RecursionError:
        raise BadStory(f"{name}: JSON nested too deeply to be a ninjs item.") from None
    except ValueError as error:  # e.g. a number of more digits than Python reads
        raise BadStory(f"{name}: not valid JSON ({error}).") from None
    if not isinstance(item, dict):
        raise BadStory(f"{name}: a ninjs item is a JSON object.")
    item = as_ninjs2(item)
    headlines, bodies = _texts(item, "headlines", name), _texts(item, "bodies", name)
    descriptions = _texts(item, "descriptions", name)
    # The agency's id: ninjs 1.x calls it guid, 2.x uri.
    uri, guid = _string(item, "uri"), _string(item, "guid")
    if not (uri or guid):
        raise BadStory(f"{name}: no “uri”; every ninjs item must have one.")
    notes = []
    headline = _pick(headlines, "main")
    if not headline:
        headline = _string(item, "title") or _string(item, "slugline") or uri or guid
        notes.append(f"The ninjs item has no headline; “{headline}” stands in for one.")

    html = _pick(bodies, "richtext", markup=True)
    plain = _pick(bodies, "main", markup=False)
    place, agency, _ = split_dateline(plain)
    paragraphs = []
    if html:
        html = _without_dateline(sanitize_html(html))
    elif plain:
        paragraphs = [" ".join(p.split()) for p in plain.split("\n\n") if p.strip()]
        if place:
            paragraphs[0] = split_dateline(paragraphs[0])[2]
    else:
        notes.append(f"The ninjs item ({item.get('type', 'no type')}) has no body.")
    if not (html or "".join(paragraphs)) and not descriptions:
        notes.append("Nothing to read in it but the headline: write the story or delete it.")

    story = Story(
        source_id=(guid or uri)[:255],
        other_ids=[uri[:255]] if guid and uri else [],
        headline=" ".join(headline.split()),
        paragraphs=paragraphs,
        body_html=html,
        standfirst=_pick(descriptions, "summary", markup=False),
        dateline_place=place or _string(item, "located"),
        dateline_agency=agency,
        language=_language(_string(item, "language")),
        notes=notes,
    )
    # A credit line in our styles keeps roles and places; else the infosources or the byline.
    by = _string(item, "by")
    story.credits = _infosource_credits(item, story.language or "en")
    if by.startswith("(") and by.endswith(")"):
        story.footer = by
    elif by and not story.credits:
        story.credits = _byline_credits(by)
        notes.append(f"Byline “{by}” has no credit style: imported as reporting credits.")
    story.section_name = next(
        (_string(s, "name") for s in _objects(item, "subjects") if s.get("rel") == "section"), ""
    )
    read_subjects(_objects(item, "subjects"), story)
    story.live_posts = read_live_posts(item)
    altids = {_string(a, "role"): _string(a, "value") for a in _objects(item, "altids")}
    story.translation_of = altids.get("translation-of", "")
    if altids.get("source"):
        story.other_ids.append(altids["source"][:255])
    if altids.get("newsroom", "").isdigit() and uri:
        # Our own export coming back: the article it was made from, if it is still there.
        story.own_article = (int(altids["newsroom"]), urlsplit(uri).path)
    image = next((a for a in _objects(item, "associations") if a.get("type") == "picture"), None)
    if image:
        # The picture itself is not fetched: what was said of it stays with the story, for
        # an editor who finds it and puts it in the media library.
        caption = _pick(_texts(image, "descriptions", name), "caption", False)
        said = (("caption", caption), ("credit", _string(image, "by")))
        said = "; ".join(f"{label}: {value}" for label, value in said if value)
        if said:
            story.notes.append(f"Lead picture sent with the story (not imported), {said}")
    return story


def _string(item, key):
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def _objects(item, key):
    value = item.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


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


def _without_dateline(html):
    if not html.startswith("<p>"):
        return html
    place, _, rest = split_dateline(html[3:])
    return f"<p>{rest}" if place else html


def _language(code):
    codes = {c for c, _ in settings.ARTICLE_LANGUAGES}
    code = code.split("-")[0].lower()
    return code if code in codes else ""


def _infosource_credits(item, language):
    """Credits from infosources with our roles; a translation is into the item's language."""
    credits = []
    for source in _objects(item, "infosources"):
        role, name = _string(source, "role"), _string(source, "name")
        if role in Role.values and name:
            credits.append((role, name, "", language if role == Role.TRANSLATION else ""))
    return credits


def _byline_credits(by):
    """ "A, B and C" (a plain byline) as reporting credits."""
    names = by.removeprefix("By ").removeprefix("by ")
    head, _, last = names.rpartition(" and ")
    found = [*head.split(", "), last] if head else [names]
    return [(Role.REPORTING, n.strip(), "", "") for n in found if n.strip()]
