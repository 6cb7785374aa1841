"""The body's rich-text editor in the admin: self-hosted, allowed by the CSP, never trusted."""

import base64
import hashlib
import re

import pytest

from articles.models import Article
from tests.factories import change_url, form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, editor):
    client.force_login(editor)
    return client


def import_map_hash(html):
    content = re.search(r'<script type="importmap"[^>]*>(.*?)</script>', html, re.S).group(1)
    return "'sha256-" + base64.b64encode(hashlib.sha256(content.encode()).digest()).decode() + "'"


def test_the_body_opens_in_the_editor_served_from_our_own_static_files(desk, make_article):
    story = make_article(headline="Ferry", body="<h2>Back</h2><p>At <strong>dawn</strong>.</p>")
    response = desk.get(change_url(story))
    html = response.content.decode()
    (box,) = re.findall(r'<textarea name="body"[^>]*>', html)
    assert "data-django-prose-editor-configurable" in box
    for extension in ("Bold", "Italic", "Link", "Heading", "BulletList", "Blockquote"):
        assert f"&quot;{extension}&quot;" in box
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', html)
    assert any(src.startswith("/static/django_prose_editor/") for src in scripts)
    assert all(src.startswith("/") for src in scripts)  # nothing from another site
    # The import map runs by its hash; inline scripts in general stay forbidden.
    script_src = re.search(r"script-src ([^;]*)", response["Content-Security-Policy"]).group(1)
    assert import_map_hash(html) in script_src.split()
    assert "'unsafe-inline'" not in script_src


def test_the_editor_is_not_allowed_on_public_pages(client, publish):
    response = client.get(publish(headline="Ferry").get_absolute_url())
    assert "sha256-" not in response["Content-Security-Policy"]
    assert "importmap" not in response.content.decode()


def test_a_body_the_editor_would_change_opens_unchanged_in_the_html_box(desk, make_article):
    body = '<p>He said <q cite="https://example.org/">never</q>.</p><figure><blockquote><p>Q</p></blockquote><figcaption>A</figcaption></figure>'
    story = make_article(headline="Quoted", body=body)
    html = desk.get(change_url(story)).content.decode()
    (box,) = re.findall(r'<textarea name="body"[^>]*>', html)
    assert "data-django-prose-editor" not in box
    assert (
        form_values(desk.get(change_url(story)))["body"].strip()
        == Article.objects.get(pk=story.pk).body
    )


def test_whatever_the_editor_sends_is_kept_to_the_allow_list(desk, make_article):
    story = make_article(headline="Ferry", body="<p>Old.</p>")
    data = form_values(desk.get(change_url(story)))
    data["body"] = (
        '<h2 style="color:red">Back</h2><p onclick="steal()">At <strong>dawn</strong> '
        '<a href="javascript:alert(1)">x</a> <a href="https://example.org/" target="_blank" '
        'rel="noopener">timetable</a><span class="x">.</span></p><script>alert(1)</script>'
        '<img src="/x" onerror="alert(1)">'
    )
    assert desk.post(change_url(story), data).status_code == 302
    assert Article.objects.get(pk=story.pk).body == (
        '<h2>Back</h2><p>At <strong>dawn</strong> <a>x</a> <a href="https://example.org/">'
        "timetable</a>.</p>"
    )


def test_the_body_says_which_blocks_it_may_hold(desk, make_article):
    story = make_article(headline="Ferry", body="<p>Old.</p>")
    html = desk.get(change_url(story)).content.decode()
    shown = re.search(r'id="id_body_helptext">\s*<div>(.*?)</div>', html, re.S).group(1)
    for block in ("pull quotes", "fact boxes", "pictures from the media library", "embeds"):
        assert block in shown
