"""
The body's editor in the admin: django-prose-editor (ProseMirror), served from our own
static files, with a block for each thing the body may hold (articles/html.py): our own
blocks (pull quote, fact box, library picture, embed) and toolbar are in
``static/newsroom-admin/body-editor.js``.

The editor only helps: whatever it sends, ``Article.save()`` sanitises the body with
the one allow-list in ``articles/html.py``. A body holding what the editor cannot show
(a ``<figure>`` that is not a library picture, a ``<figcaption>``, an ``<aside>`` that is
not a fact box: ProseMirror would drop them on opening) opens in the plain HTML box
instead, so an old body is never changed by being opened. And a body the editor only
read and wrote back, with nothing typed, is kept exactly as stored (``unchanged_body``):
the editor may write the same text as other HTML (spaces between blocks, an attribute
in another order), never a change of the story.

The editor's modules find each other through an import map, an inline script; the
page's Content-Security-Policy allows that one script by its hash (``allow_import_map``),
never inline scripts in general.
"""

import base64
import hashlib
import re
from html.parser import HTMLParser

from django import forms
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django_prose_editor.widgets import AdminProseEditorWidget

from . import embeds
from .html import sanitize_html

# The body's blocks, in the editor's toolbar in this order.
MENU = [
    {"group": "blocks"},
    {"group": "marks"},
    {"group": "link"},
    {"group": "insert"},
    {"group": "history"},
    {"group": "utility"},
]
# What the body may hold, told under it (the model's own words predate the blocks).
BODY_HELP = (
    "Paragraphs, subheads, lists, links, quotes, pull quotes, fact boxes, pictures from the "
    "media library and embeds (a video or post address alone on a line). "
    "Anything else is removed when saved."
)
# The field a page sends with the editor's first reading of the stored body.
OPENED_FIELD = "_body_as_opened"
# What the editor shows as it is: any other element sends the body to the plain box.
EDITABLE = {"p", "h2", "h3", "h4", "a", "strong", "em", "b", "i", "ul", "ol", "li", "br"}
EDITABLE |= {"blockquote", "q", "cite", "aside", "figure"}
IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


def providers():
    """The embeds' providers, for the editor to draw an address alone on a line as one."""
    return [
        {
            "name": provider.name,
            "kind": provider.kind,
            "pattern": provider.pattern.pattern.replace("(?P<", "(?<"),
        }
        for provider in embeds.PROVIDERS
    ]


def chooser_url():
    try:
        return reverse("admin:library_libraryimage_chooser")
    except NoReverseMatch:
        return ""


def body_extensions(pictures=False, language=""):
    chooser = chooser_url()
    return {
        "Bold": True,
        "Italic": True,
        "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
        "Heading": {"levels": [2, 3, 4]},
        "BulletList": True,
        "OrderedList": {"enableListAttributes": False},
        "ListItem": True,
        "Blockquote": True,
        "InlineQuote": True,
        "Cite": True,
        "PullQuote": True,
        "FactBox": True,
        "LibraryPicture": {"chooser": chooser, "language": language},
        "Embed": {"providers": providers()},
        "HardBreak": True,
        "History": True,
        "HTML": True,
        "Menu": {"defaultItems": False, "groups": MENU},
        "BodyToolbar": {"chooser": chooser if pictures else ""},
    }


class BodyEditorWidget(AdminProseEditorWidget):
    """The editor with our blocks; ``stored`` is the body as saved, to tell an unchanged save."""

    def __init__(self, *args, pictures=False, language="", stored=None, **kwargs):
        self.stored = stored
        kwargs["config"] = {"extensions": body_extensions(pictures, language)}
        super().__init__(*args, preset="configurable", **kwargs)

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["newsroom-admin/body-editor.css"]})

    def get_config(self):
        config = super().get_config()
        config["js_modules"] = [static("newsroom-admin/body-editor.js")]
        return config

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        shown = self.format_value(value) or ""
        if self.stored is not None and shown == self.stored:
            # The page may send the editor's reading of this body (article-form.js).
            context["widget"]["attrs"]["data-body-as-stored"] = OPENED_FIELD
        return context


class _Blocks(HTMLParser):
    """Whether every element of a body is one the editor keeps."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.keeps = True
        self.in_picture = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        other_aside = tag == "aside" and attrs.get("class") != "fact-box"
        if self.in_picture or tag not in EDITABLE or other_aside:
            self.keeps = False
        elif tag == "figure":
            self.in_picture = True
            self.keeps &= bool(attrs.get("data-image"))

    def handle_endtag(self, tag):
        if tag == "figure":
            self.in_picture = False

    def handle_data(self, data):
        if self.in_picture and data.strip():
            self.keeps = False


def editor_can_open(body):
    blocks = _Blocks()
    blocks.feed(body or "")
    blocks.close()
    return blocks.keeps


def body_widget(body, *, pictures=False, language="", stored=None):
    if not editor_can_open(body):
        return forms.Textarea(attrs={"rows": 24, "cols": 90})
    return BodyEditorWidget(pictures=pictures, language=language, stored=stored)


def unchanged_body(sent, opened, stored):
    """The stored body when what was sent is only the editor's reading of it, else the sent."""
    if opened is not None and stored and sanitize_html(sent) == sanitize_html(opened):
        return stored
    return sent


def allow_import_map(response):
    """Let this page's import map run: its hash joins the page's script-src."""

    def add_hash(rendered):
        found = IMPORT_MAP.search(rendered.content)
        if found:
            digest = base64.b64encode(hashlib.sha256(found.group(1)).digest()).decode()
            rendered._csp_update = {"script-src": [f"'sha256-{digest}'"]}

    if hasattr(response, "add_post_render_callback"):
        response.add_post_render_callback(add_hash)
    return response
