"""
The many shapes of ninjs, brought to one before a story is read from it.

Agencies send ninjs 1.x (`headline`, `body_text`, `body_xhtml`, `byline`, maps of
renditions), 2.x (`headlines`, `bodies`, `descriptions`, `by`), 3.x (the same in
camelCase: `contentType`, `versionCreated`, `pubStatus`) and their own variants:
Superdesk's `guid`, `body_html`, `description_text`, `slugline`; AP's `bylines` and
`altids` map; TT's `body_html5`, a whole HTML document; dpa's `urn`, `article_html`
and `teaser`. `canonical()` turns any of them into the 2.x layout, lower-case keys, so
the reader has one shape to read. Content-API answers wrap items
(`{"total": …, "item": […]}`, `{"items": […]}`, `{"_items": …}`): `items_of()` unwraps.
"""

import re

from django.conf import settings

from articles.html import sanitize_html

from .story import BadStory

# 1.x and dialect fields holding one text, as (2.x list, role, content type).
SINGLE_TEXTS = {
    "headline": ("headlines", "main", "text/plain"),
    "body_html": ("bodies", "richtext", "text/html"),
    "body_html5": ("bodies", "richtext", "text/html"),
    "article_html": ("bodies", "richtext", "text/html"),
    "body_xhtml": ("bodies", "richtext", "application/xhtml+xml"),
    "body_text": ("bodies", "main", "text/plain"),
    "description_html": ("descriptions", "summary", "text/html"),
    "description_text": ("descriptions", "summary", "text/plain"),
    "summary": ("descriptions", "summary", "text/plain"),
    "teaser": ("descriptions", "summary", "text/plain"),
    "description_caption": ("descriptions", "caption", "text/plain"),
}
WRAPPERS = ("item", "items", "_items", "entries", "data")


def lower_keys(value):
    """The document with every key in lower case: ninjs 3.x's camelCase read as 2.x."""
    if isinstance(value, dict):
        return {str(k).lower(): lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [lower_keys(v) for v in value]
    return value


def refuse_bad_text(document, name):
    """BadStory for a NUL or a lone surrogate anywhere: no database stores them."""
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            if "\x00" in value:
                raise BadStory(f"{name}: a text in it holds a NUL character (\\u0000).")
            if any("\ud800" <= c <= "\udfff" for c in value):
                raise BadStory(
                    f"{name}: a text in it holds a lone surrogate (such as \\ud800), "
                    "which is not a character: the sender's encoder is broken."
                )


def items_of(document, depth=0):
    """The items of a document: itself, or those a content-API answer wraps."""
    if _looks_like_item(document) or depth > 2:
        return [document]
    for key in WRAPPERS:
        inner = document.get(key)
        if isinstance(inner, dict):
            return items_of(inner, depth + 1)
        if isinstance(inner, list):
            # AP wraps each one again: {"item": {...}, "meta": {...}}.
            return [
                entry["item"]
                if isinstance(entry, dict) and isinstance(entry.get("item"), dict)
                else entry
                for entry in inner
            ]
    return [document]


def _looks_like_item(value):
    return isinstance(value, dict) and any(
        k in value for k in ("uri", "guid", "urn", "headline", "headlines", "type", "bodies")
    )


def canonical(item):
    """The item in the 2.x layout: texts in lists of {role, contenttype, value}."""
    item = dict(item)
    for key, (target, role, content_type) in SINGLE_TEXTS.items():
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            entries = item.get(target)
            entries = list(entries) if isinstance(entries, list) else []
            entries.append({"role": role, "contenttype": content_type, "value": value})
            item[target] = entries
    if not isinstance(item.get("by"), str) or not item["by"].strip():
        item["by"] = _byline(item)
    for key in ("renditions", "associations"):
        if isinstance(item.get(key), dict):  # 1.x and Superdesk: a map by name
            item[key] = [{"name": k, **v} for k, v in item[key].items() if isinstance(v, dict)]
    if isinstance(item.get("altids"), dict):  # AP: {"itemid": …, "etag": …}
        item["altids"] = [{"role": k, "value": v} for k, v in item["altids"].items()]
    if "embargoed" not in item and "embargoeduntil" in item:  # ninjs 3.x's name for it
        item["embargoed"] = item["embargoeduntil"]
    if not isinstance(item.get("uri"), str) and isinstance(item.get("urn"), str):
        item["uri"] = item["urn"]
    if isinstance(item.get("pubstatus"), str):
        item["pubstatus"] = {"cancelled": "canceled"}.get(item["pubstatus"], item["pubstatus"])
    return item


def _byline(item):
    if isinstance(item.get("byline"), str):
        return item["byline"]
    # AP: [{"by": "By Ann Lee", "title": "Associated Press"}]
    parts = []
    bylines = item.get("bylines")
    for entry in bylines if isinstance(bylines, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("by"), str):
            title = entry.get("title") if isinstance(entry.get("title"), str) else ""
            parts.append(f"{entry['by']}, {title}" if is_agency(title) else entry["by"])
    return " and ".join(parts)


# Whole elements that are never the story: the document's head, and the headline again.
NOT_BODY = re.compile(r"<(head|title|h1|script|style|template)\b.*?</\1\s*>", re.I | re.S)
BLOCK = r"(?:p|h[2-4]|ul|ol|li|blockquote|figure|figcaption|aside)"


def body_content(markup):
    """Only the body's own content: no <head> or <title>, no wrappers, no repeated h1."""
    inner = re.search(r"<body\b[^>]*>(.*)</body\s*>", markup, re.I | re.S)
    markup = NOT_BODY.sub("", inner.group(1) if inner else markup)
    html = sanitize_html(markup)
    html = re.sub(rf"\s*(</?{BLOCK}\b[^>]*>)\s*", r"\1", html).strip()
    if html and not re.match(rf"<{BLOCK}\b", html):
        # Text straight inside a wrapper (<section>Text</section>): a paragraph of its own.
        first_block = re.search(rf"<{BLOCK}\b", html)
        cut = first_block.start() if first_block else len(html)
        html = f"<p>{html[:cut].strip()}</p>{html[cut:]}" if html[:cut].strip() else html
    return re.sub(r"<p>\s*</p>", "", html)


# TT and others mark the dateline up: <span class="dateline">STOCKHOLM</span>.
DATELINE_SPAN = re.compile(
    r"<span\b[^>]*\bclass=\"[^\"]*\bdateline\b[^\"]*\"[^>]*>(?P<place>[^<]{1,60})</span>"
    r"\s*(?:[–—-]+\s*)?",
    re.I,
)


def dateline_span(markup):
    """(place, markup without it) when the body marks its dateline up; else ("", markup)."""
    match = DATELINE_SPAN.search(markup)
    if not match:
        return "", markup
    return " ".join(match.group("place").split()), markup[: match.start()] + markup[match.end() :]


def text_paragraphs(text):
    """Plain text as paragraphs: blank lines part them, or single lines when none do."""
    text = text.replace("\r\n", "\n").strip()
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [" ".join(block.split()) for block in blocks if block.strip()]


LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def language_tag(value):
    """A BCP-47 tag in its usual casing ("nb-NO", "zh-Hant-TW"); "" if it is not one."""
    value = value.strip().replace("_", "-")
    if not LANGUAGE_TAG.fullmatch(value) or len(value) > 35:
        return ""
    language, *rest = value.split("-")
    parts = [language.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            parts.append(part.title())  # script
        elif len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit():
            parts.append(part.upper())  # region
        else:
            parts.append(part.lower())
    return "-".join(parts)


def article_language(tag):
    """The article language for a tag: the newsroom's own code when it writes in that
    language ("nb-NO" is "nb"), else the tag's language as sent: never another one."""
    if not tag:
        return ""
    codes = {c.lower(): c for c, _ in settings.ARTICLE_LANGUAGES}
    return codes.get(tag.lower()) or codes.get(tag.split("-")[0].lower()) or tag.split("-")[0]


# Agencies and distributors: credited as the story's source, never as people.
AGENCIES = {
    name.lower(): name
    for name in [
        "AAP",
        "ANP",
        "ANSA",
        "AFP",
        "AP",
        "APA",
        "Belga",
        "Bloomberg",
        "Business Wire",
        "CTK",
        "dpa",
        "dpa-AFX",
        "EFE",
        "epd",
        "GlobeNewswire",
        "Kyodo",
        "KNA",
        "Lusa",
        "NTB",
        "PA",
        "PA Media",
        "PAP",
        "PR Newswire",
        "Reuters",
        "Ritzau",
        "SDA",
        "Keystone-SDA",
        "STT",
        "TASR",
        "TT",
        "UPI",
        "Xinhua",
        "Yonhap",
    ]
}
AGENCY_NAMES = {
    "associated press": "AP",
    "the associated press": "AP",
    "agence france-presse": "AFP",
    "deutsche presse-agentur": "dpa",
    "norsk telegrambyrå": "NTB",
    "tt nyhetsbyrån": "TT",
    "thomson reuters": "Reuters",
    "press association": "PA",
}


def agency_name(text):
    """The agency's usual name when this names one ("The Associated Press": "AP")."""
    key = " ".join(text.split()).strip(" .").lower()
    return AGENCIES.get(key) or AGENCY_NAMES.get(key) or ""


def is_agency(text):
    return bool(agency_name(text))


BY_WORD = re.compile(r"^(?:by|von|av|af|par|por|di|door|de)\s+", re.I)
AND_WORD = re.compile(r"\s+(?:and|und|og|och|ja|et|y|e|en|&)\s+|\s*[;/]\s*", re.I)


def read_byline(by):
    """(people, agency) of a plain byline: "Von Anna Beck, dpa" is Anna Beck of dpa;
    "NTB" alone is only the agency."""
    people, agency = [], ""
    by = BY_WORD.sub("", " ".join(by.split()))
    for group in by.split(","):
        for part in AND_WORD.split(group):
            part = part.strip(" .")
            if not part:
                continue
            if found := agency_name(part):
                agency = agency or found
            else:
                people.append(part.title() if part.isupper() and len(part) > 3 else part)
    return people, agency
