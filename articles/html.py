"""The article body is HTML from editors and wires: keep an allowlist, drop the rest."""

import html
import re

import nh3

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "a",
    "blockquote",
    "q",
    "cite",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "br",
    "figure",
    "figcaption",
    "aside",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    # A picture of the media library, by its number: drawn from the library as the page
    # is rendered (articles/bodypictures.py), so its caption and credit stay current.
    "figure": {"data-image"},
}
# The body's own blocks, styled on the site: a quote pulled out of the text, and a box of
# facts beside it. No other class passes.
ALLOWED_CLASSES = {"blockquote": {"pull-quote"}, "aside": {"fact-box"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
PICTURE_NUMBER = re.compile(r"[1-9][0-9]{0,17}")


# nh3 checks the schemes of links only: a quote's source must be a web address too.
WEB_ADDRESS = re.compile(r"https?://[^/\\]", re.IGNORECASE)


def _keep_attribute(element, attribute, value):
    if attribute == "data-image":
        return value if PICTURE_NUMBER.fullmatch(value) else None
    if attribute == "cite" and not WEB_ADDRESS.match(value):
        return None
    return value


def sanitize_html(value):
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_keep_attribute,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
    ).strip()


def html_to_text(value):
    """Plain text of a body, one paragraph a line, for search and exports."""
    text = re.sub(r"(?i)</(p|h[1-6]|li|blockquote|figcaption|aside)>|<br\s*/?>", "\n", value or "")
    text = html.unescape(nh3.clean(text, tags=set()))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
