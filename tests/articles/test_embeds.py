"""Posts and videos pasted as a lone address: embeds that load nothing until asked."""

from html.parser import HTMLParser

import pytest

from articles import embeds
from live.models import LiveCoverage

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def page(client, article):
    response = client.get(article.get_absolute_url())
    return response, response.content.decode()


def test_a_lone_video_address_is_an_embed_that_loads_nothing_until_asked(client, publish):
    story = publish(body=f"<p>The storm hit at dawn.</p><p>{YOUTUBE}</p>")
    response, html = page(client, story)
    assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert "<iframe" not in html  # the frame is made by embeds.js on the reader's click
    assert f'<a class="embed-link" href="{YOUTUBE}">Open it on YouTube</a>' in html
    assert "frame-src https://www.youtube-nocookie.com" in response["Content-Security-Policy"]


def test_a_page_without_an_embed_frames_nothing(client, publish):
    response, _ = page(client, publish(body="<p>No video here.</p>"))
    assert "frame-src" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "address, frame",
    [
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://www.instagram.com/p/C1a2b3c4d5/", "https://www.instagram.com/p/C1a2b3c4d5/embed"),
        (
            "https://x.com/Reuters/status/1790000000000000000",
            "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000",
        ),
    ],
)
def test_each_provider_on_the_list_is_embedded(address, frame):
    assert embeds.find(address)[1] == frame
    # As the editor's auto-link leaves it, too.
    assert f'data-embed="{frame.replace("?", "?").replace("&", "&amp;")}"' in embeds.with_embeds(
        f'<p><a href="{address}">{address}</a></p>'
    )


def test_an_unknown_address_becomes_a_plain_link(client, publish):
    story = publish(body="<p>https://example.org/report.pdf</p>")
    _, html = page(client, story)
    assert (
        '<p><a href="https://example.org/report.pdf">https://example.org/report.pdf</a></p>' in html
    )
    assert "embed" not in html.split('class="article-body"')[1].split("</div>")[0]


def test_a_link_with_words_of_its_own_stays_a_link():
    body = f'<p><a href="{YOUTUBE}">Watch the storm</a></p>'
    assert embeds.with_embeds(body) == body


@pytest.mark.parametrize(
    "body",
    [
        '<p>https://youtu.be/dQw4w9WgXcQ"onmouseover="alert(1)</p>',
        "<p>https://vimeo.com/1<script>alert(1)</script></p>",
        "<p>javascript:alert(1)</p>",
        '<p><a href="https://x.com/a/status/1">https://x.com/a/status/1" onclick="alert(1)</a></p>',
    ],
)
def test_hostile_addresses_never_become_live_markup(client, publish, body):
    story = publish(body=body)  # sanitised as any body is
    _, html = page(client, story)
    parser = Elements()
    parser.feed(html.split('<div class="article-body">')[1].split("</article>")[0])
    assert "script" not in parser.tags
    assert not [name for name in parser.attributes if name.startswith("on")]
    assert all(href.startswith("https://") for href in parser.hrefs)


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.hrefs = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]
        self.hrefs += [value for name, value in attrs if name == "href"]


def test_a_live_post_embeds_too_and_a_running_live_page_may_frame_any_provider(
    client, publish, editor
):
    story = publish(headline="Storm reaches the coast", slug="storm-live")
    LiveCoverage.start(story, editor)
    story.live_coverage.add_post(editor, "<p>https://vimeo.com/76979871</p>", title="Harbour wall")
    response, html = page(client, story)
    assert 'data-embed="https://player.vimeo.com/video/76979871"' in html
    policy = response["Content-Security-Policy"]
    assert all(origin in policy for origin in embeds.ORIGINS)  # a new post may bring one
