"""
Posts and videos pasted as an address on a line of their own (a paragraph holding only
a link) become embeds, when the address is one of a known provider's; any other lone
address becomes a plain link. Bodies are stored as written: embeds are made as a page
is rendered, so the list of providers can change without touching a story.

An embed loads nothing from its provider until the reader asks: the page shows a
placeholder with a button (static/js/embeds.js swaps in the provider's frame) and a
link to the original, which is all a reader without JavaScript gets. The page's
Content-Security-Policy allows the provider's frame only where an embed is shown
(``frame_origins``).
"""

import html
import re
from dataclasses import dataclass

from django.utils.html import format_html


@dataclass(frozen=True)
class Provider:
    name: str
    kind: str  # "video" or "post"
    pattern: re.Pattern
    frame: str  # the frame's address, with {id}

    @property
    def origin(self):
        return "/".join(self.frame.split("/")[:3])


PROVIDERS = [
    Provider(
        "YouTube",
        "video",
        re.compile(
            r"https://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:[^#]*&)?v=|shorts/)|youtu\.be/)"
            r"(?P<id>[\w-]{11})(?:[?&#].*)?"
        ),
        "https://www.youtube-nocookie.com/embed/{id}",
    ),
    Provider(
        "Vimeo",
        "video",
        re.compile(r"https://(?:www\.)?vimeo\.com/(?P<id>\d{1,12})/?(?:[?#].*)?"),
        "https://player.vimeo.com/video/{id}",
    ),
    Provider(
        "Instagram",
        "post",
        re.compile(r"https://(?:www\.)?instagram\.com/(?:p|reel)/(?P<id>[\w-]{5,40})/?(?:\?.*)?"),
        "https://www.instagram.com/p/{id}/embed",
    ),
    Provider(
        "X",
        "post",
        re.compile(
            r"https://(?:www\.)?(?:twitter|x)\.com/\w{1,15}/status/(?P<id>\d{1,20})/?(?:\?.*)?"
        ),
        "https://platform.twitter.com/embed/Tweet.html?id={id}",
    ),
]
ORIGINS = {provider.origin for provider in PROVIDERS}

# A paragraph holding one address, bare or as a link to itself (as the editor makes it).
LONE_ADDRESS = re.compile(
    r'<p>\s*(?:<a href="(?P<href>[^"]+)"[^>]*>(?P<text>[^<]*)</a>|(?P<bare>https?://[^\s<]+))\s*</p>'
)
FRAME_ORIGIN = re.compile(r'data-embed-origin="(https://[^"/]+)"')


def find(address):
    """(provider, frame address) for an address we embed, else None."""
    for provider in PROVIDERS:
        if match := provider.pattern.fullmatch(address):
            return provider, provider.frame.format(id=match["id"])
    return None


def with_embeds(body):
    """The (sanitised) body with lone addresses made embeds or links."""

    def replace(match):
        if match["href"] is not None:
            address = html.unescape(match["href"])
            if html.unescape(match["text"]).strip() != address:
                return match[0]  # a link with words of its own stays as written
        else:
            address = html.unescape(match["bare"])
        found = find(address)
        if found is None:
            return str(format_html('<p><a href="{}">{}</a></p>', address, address))
        return placeholder(address, *found)

    return LONE_ADDRESS.sub(replace, body)


def as_links(body):
    """The (sanitised) body with every address alone on a line a link to itself (for
    partners, who make embeds of their own)."""

    def replace(match):
        if match["href"] is not None:
            return match[0]
        address = html.unescape(match["bare"])
        return str(format_html('<p><a href="{}">{}</a></p>', address, address))

    return LONE_ADDRESS.sub(replace, body)


def placeholder(address, provider, frame):
    what = "video" if provider.kind == "video" else "post"
    return str(
        format_html(
            '<figure class="embed embed-{kind}" data-embed="{frame}" data-embed-origin="{origin}"'
            ' data-embed-title="{name} {what}">'
            '<div class="embed-placeholder"><p class="mb-2">{name} {what}: nothing is loaded from'
            " {name} until you ask.</p>"
            '<button type="button" class="btn btn-sm btn-light embed-load">Load the {what}</button>'
            ' <a class="embed-link" href="{address}">Open it on {name}</a></div></figure>',
            kind=provider.kind,
            frame=frame,
            origin=provider.origin,
            name=provider.name,
            what=what,
            address=address,
        )
    )


def frame_origins(page):
    """The providers' origins a rendered page embeds (ours only: never a reader's text)."""
    return sorted(set(FRAME_ORIGIN.findall(page)) & ORIGINS)
