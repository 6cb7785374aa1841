"""The site's look: our own typefaces, the masthead, section colours."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

STATIC = Path(settings.BASE_DIR) / "static"


def test_typefaces_are_served_by_us_with_their_licence(client, article):
    html = client.get("/").content.decode()
    assert 'href="/static/css/fonts.css"' in html
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    css = (STATIC / "css" / "fonts.css").read_text()
    files = re.findall(r'url\("\.\./vendor/fonts/([^"]+)"\)', css)
    assert len(files) == 6
    for name in files:
        assert (STATIC / "vendor" / "fonts" / name).read_bytes()[:4] == b"wOF2", name
    assert (
        "Open Font License" in (STATIC / "vendor" / "fonts" / "OFL-Source-Serif-4.txt").read_text()
    )


def test_the_masthead_is_the_name_or_the_logo(client, article, settings):
    html = client.get("/").content.decode()
    assert '<a class="navbar-brand" href="/">The Newsroom</a>' in html
    settings.NEWSROOM_LOGO = "/static/img/logo.svg"
    html = client.get("/fr/").content.decode()
    assert '<img src="/static/img/logo.svg" alt="The Newsroom" height="40">' in html


def test_a_section_colour_marks_its_labels_and_is_checked(client, publish, section):
    section.colour = "#b5179e"
    section.save()
    publish(headline="Coloured")
    html = client.get("/").content.decode()
    assert 'style="--section-colour: #b5179e"' in html
    section.colour = "red;background:url(x)"
    with pytest.raises(ValidationError, match="#rrggbb"):
        section.full_clean()
