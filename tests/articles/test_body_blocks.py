"""Pull quotes and fact boxes: the two blocks of the body that carry a class of their own."""

import pytest

from articles.editor import editor_can_open
from articles.html import sanitize_html

pytestmark = pytest.mark.django_db

FACT_BOX = '<aside class="fact-box"><h2>The decisions</h2><ul><li>Held at 4.5%</li></ul></aside>'
PULL_QUOTE = '<blockquote class="pull-quote"><p>“We want to see more.”</p></blockquote>'


def test_only_the_blocks_own_classes_pass():
    assert sanitize_html(FACT_BOX + PULL_QUOTE) == FACT_BOX + PULL_QUOTE
    assert (
        sanitize_html(
            '<aside class="fact-box sidebar" style="x" onclick="y"><p>F</p></aside>'
            '<blockquote class="fact-box"><p>Q</p></blockquote><p class="pull-quote">P</p>'
        )
        == '<aside class="fact-box"><p>F</p></aside>'
        '<blockquote class=""><p>Q</p></blockquote><p>P</p>'
    )


def test_readers_see_a_pull_quote_and_a_fact_box(client, publish, settings):
    story = publish(headline="Rates held", body=f"<p>Intro.</p>{FACT_BOX}{PULL_QUOTE}<p>End.</p>")
    html = client.get(story.get_absolute_url()).content.decode()
    assert FACT_BOX in html and PULL_QUOTE in html
    styles = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    assert "blockquote.pull-quote" in styles and "aside.fact-box" in styles


def test_the_editor_opens_every_block_of_its_own():
    picture = '<figure data-image="12"></figure>'
    embed = "<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>"
    quoted = '<p>He said <q cite="https://example.org/">no</q>, <cite>Le Monde</cite>.</p>'
    assert editor_can_open(f"<p>Intro.</p>{PULL_QUOTE}{FACT_BOX}{picture}{embed}{quoted}")
    # What it would drop goes to the HTML box: another figure, a caption, another aside.
    assert not editor_can_open("<figure><blockquote><p>Q</p></blockquote></figure>")
    assert not editor_can_open('<figure data-image="12"><figcaption>A</figcaption></figure>')
    assert not editor_can_open("<aside><p>Side</p></aside>")


def test_the_demo_has_a_pull_quote_and_a_fact_box(client):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    html = client.get("/articles/nordic-central-banks-hold-rates/").content.decode()
    assert '<aside class="fact-box"><h2>The decisions</h2>' in html
    assert '<blockquote class="pull-quote">' in html


@pytest.mark.parametrize(
    "cite",
    [
        "javascript:alert(1)",
        " JaVaScript:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "mailto:a@example.org",
    ],
)
def test_a_quote_cites_only_a_web_address(cite):
    for tag in ("blockquote", "q"):
        assert sanitize_html(f'<{tag} cite="{cite}">Words.</{tag}>') == f"<{tag}>Words.</{tag}>"


def test_a_quote_keeps_a_web_address_it_cites():
    quote = '<blockquote cite="https://example.org/speech">Words.</blockquote>'
    assert sanitize_html(quote) == quote
    assert (
        sanitize_html('<q cite="http://example.org/">Hi.</q>')
        == '<q cite="http://example.org/">Hi.</q>'
    )
