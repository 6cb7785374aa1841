"""
IPTC ninjs 2.2 (News in JSON) out of an article, and ninjs 2.x into a Story.

Credits travel twice: as `by`, the credit line as readers see it, which the
importer reads back with the credit styles (so roles, places and translation
languages survive), and as `infosources`, one per credited contributor with
their role, for systems that do not read our credit lines. `people` is what
the story is about, so credits never go there. The plain-text body opens with
the dateline the way wire copy does, so the dateline travels with the text.
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from reversion.models import Version

from articles import bodypictures, embeds
from articles.html import html_to_text, sanitize_html
from articles.models import ReaderState, Role

from .story import BadStory, Story, split_dateline

NINJS_VERSION = "2.2"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#"


def pubstatus(article):
    state = article.reader_state
    if state == ReaderState.WITHDRAWN:
        return "canceled"
    if state != ReaderState.LIVE:
        return "withheld"  # embargoed or scheduled: for partners, not yet for readers
    return "usable"


def picture_to_ninjs(article, picture, absolute, name="lead image"):
    """A library picture as a ninjs association: address, caption, alt text and credit."""
    url = absolute(picture.file.url)
    image = {
        "name": name,
        "uri": url,
        "type": "picture",
        "renditions": [{"name": "original", "href": url}],
    }
    caption, alt_text = picture.text_in(article.language)
    descriptions = [
        {"role": role, "contenttype": "text/plain", "value": value}
        for role, value in (("caption", caption), ("alt", alt_text))
        if value
    ]
    if descriptions:
        image["descriptions"] = descriptions
    # The photographer's name as partners credit it: no "Photo:" label of our style.
    if by := picture.photographer.name if picture.photographer_id else picture.credit:
        image["by"] = by
    return image


def pictures_to_ninjs(article, absolute):
    """The lead picture, then every library picture of the body, each once."""
    associations = []
    if article.lead_image_id and not article.lead_image.is_withdrawn:
        associations.append(picture_to_ninjs(article, article.lead_image, absolute))
    in_body = bodypictures.pictures_of(article.body)
    numbers = bodypictures.picture_numbers(article.body)
    shown = [in_body[n] for n in numbers if n in in_body and n != article.lead_image_id]
    for count, picture in enumerate(shown, start=1):
        associations.append(picture_to_ninjs(article, picture, absolute, name=f"picture {count}"))
    return associations


def richtext(article, absolute):
    """The body's HTML for partners: its pictures as images, its embeds as links."""
    body = bodypictures.for_partners(article.body, article, absolute)
    return embeds.as_links(body)


def article_to_ninjs(article, absolute):
    """The article as a ninjs dict; `absolute` turns a path into a full URL."""
    uri = absolute(article.get_absolute_url())
    standard = {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA}
    version = str(Version.objects.get_for_object(article).count() or 1)
    if pubstatus(article) == "canceled":
        # A kill notice: enough for partners to find the story and take it down, nothing
        # of what it said (words, pictures, people) once it is withdrawn.
        return {
            "uri": uri,
            "standard": standard,
            "version": version,
            "versioncreated": _timestamp(article.modified_at),
            "pubstatus": "canceled",
        }
    item = {
        "uri": uri,
        "standard": standard,
        "type": "text",
        "representationtype": "full",
        "version": version,
        "firstcreated": _timestamp(article.first_published_at or article.created_at),
        "versioncreated": _timestamp(
            article.updated_at or article.first_published_at or article.created_at
        ),
        "pubstatus": pubstatus(article),
        "language": article.language,
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": article.headline}],
    }
    if article.is_embargoed:
        item["embargoed"] = _timestamp(article.embargo_until)
    if article.standfirst:
        item["descriptions"] = [
            {"role": "summary", "contenttype": "text/plain", "value": article.standfirst}
        ]
    paragraphs = html_to_text(article.body).splitlines()
    if paragraphs and article.dateline_place:
        agency = f" ({article.dateline_agency})" if article.dateline_agency else ""
        paragraphs[0] = f"{article.dateline_place}{agency} – {paragraphs[0]}"
    item["bodies"] = [
        {"role": "main", "contenttype": "text/plain", "value": "\n\n".join(paragraphs)},
        {"role": "richtext", "contenttype": "text/html", "value": richtext(article, absolute)},
    ]
    if line := article.credit_line:
        item["by"] = line
    if credits := list(article.credits.all()):
        item["infosources"] = infosources(credits, absolute)
    if article.dateline_place:
        item["located"] = article.dateline_place
    item["subjects"] = [
        {
            "name": article.section.name,
            "rel": "section",
            "uri": absolute(article.section.get_absolute_url()),
        },
        *(
            {"name": topic.name, "rel": "about", "uri": absolute(topic.get_absolute_url())}
            for topic in article.topics.all()
        ),
    ]
    if associations := pictures_to_ninjs(article, absolute):
        item["associations"] = associations
    item["altids"] = [{"role": "newsroom", "value": str(article.pk)}]
    if article.source_id:
        item["altids"].append({"role": "source", "value": article.source_id})
    original = article.translation_of if article.translation_of_id else None
    # Only an original readers may see: as on the page, never a draft or embargoed story.
    if original is not None and original.is_public:
        item["altids"].append(
            {
                "role": "translation-of",
                "value": original.source_id or absolute(original.get_absolute_url()),
            }
        )
    return item


def _timestamp(moment):
    return moment.isoformat().replace("+00:00", "Z")


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


def infosources(credits, absolute):
    """Who is credited, by role, each with their page: ninjs ``infosources``."""
    return [
        {
            "name": credit.contributor.name,
            "role": credit.role,
            "uri": absolute(credit.contributor.get_absolute_url()),
        }
        for credit in credits
    ]
