"""
The body's editor in the admin: django-prose-editor (ProseMirror), served from our own
static files, with the buttons for what the body may hold.

The editor only helps: whatever it sends, ``Article.save()`` sanitises the body with
the one allow-list in ``articles/html.py``. A body holding what the editor cannot show
(``<q>``, ``<cite>``, a ``<figure>``: ProseMirror would drop them on opening) opens in
the plain HTML box instead, so an old body is never changed by being opened.

The editor's modules find each other through an import map, an inline script; the
page's Content-Security-Policy allows that one script by its hash (``allow_import_map``),
never inline scripts in general.
"""

import base64
import hashlib
import re

from django import forms
from django_prose_editor.widgets import AdminProseEditorWidget

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    # A quote made a pull quote from the menu; fact boxes are written in the HTML box.
    "NodeClass": {
        "cssClasses": {"blockquote": [{"className": "pull-quote", "title": "Pull quote"}]}
    },
    "HardBreak": True,
    "History": True,
    "HTML": True,
}
# What the editor shows as it is: any other element sends the body to the plain box.
EDITABLE = {"p", "h2", "h3", "h4", "a", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote"}
EDITABLE |= {"br"}
TAG = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9]*)")
IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


def editor_can_open(body):
    return {tag.lower() for tag in TAG.findall(body or "")} <= EDITABLE


def body_widget(body):
    if not editor_can_open(body):
        return forms.Textarea(attrs={"rows": 24, "cols": 90})
    return AdminProseEditorWidget(config={"extensions": BODY_EXTENSIONS}, preset="configurable")


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
