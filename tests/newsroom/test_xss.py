"""
Known cross-site-scripting payloads typed into every field readers' pages show,
then every page, feed and export read back: none of them may come alive.
"""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

from articles.models import Contributor, Credit, Topic
from comments.models import Comment, Confirmation
from live.models import LiveCoverage
from tests.factories import jpeg, library_picture, post_comment

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '"><svg/onload=alert(1)>',
    "'><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)" x="',
    "' autofocus onfocus='alert(1)",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">tab</a>',
    '<a href=" JaVaScRiPt:alert(1)">case</a>',
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "<!--<script>alert(1)//-->",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "\u003cscript\u003ealert(1)\u003c/script\u003e",
    "\u2028\u2029<script>alert(1)</script>",
    "＜script＞alert(1)＜/script＞ \u202e<img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
FOREIGN_TAGS = {"iframe", "object", "embed", "svg", "math", "base", "frame", "frameset"}


class LiveCode(HTMLParser):
    """Finds what a browser would run: scripts not ours, event handlers, script URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script":
            ours = values.get("type") == "application/ld+json" or (
                values.get("src") or ""
            ).startswith(settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/")
            if not ours:
                self.found.append(f"<script {attrs}>")
        if tag in FOREIGN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}={value!r}")
            if name in URL_ATTRIBUTES and value:
                bare = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                if bare.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.found.append(f"{tag} {name}={value!r}")

    handle_startendtag = handle_starttag


def live_code(html):
    parser = LiveCode()
    parser.feed(html)
    parser.close()
    return parser.found


def assert_dead(html, where):
    assert live_code(html) == [], where


def test_the_detector_finds_live_code():
    # A sweep that finds nothing proves nothing unless the detector finds what it should.
    contexts = ["{}", '<a title="{}">', "<a title='{}'>", '<a href="{}">']
    # A comment, a trap for filters that strip "<script>" once, and full-width signs.
    inert_anyway = {PAYLOADS[12], PAYLOADS[15], PAYLOADS[18]}
    for payload in PAYLOADS:
        if payload not in inert_anyway:
            assert any(live_code(c.replace("{}", payload)) for c in contexts), payload
    assert not live_code('<a href="/articles/x/">x</a><script src="/static/app.js"></script>')


@pytest.fixture
def stories(make_article, editor):
    """One published story per payload, the payload in every field readers see."""
    articles = []
    # No name with markup can be saved now; one from older data or a restored backup
    # (loaded without save()) must still be harmless, so these go in as raw rows.
    writers = Contributor.objects.bulk_create(
        Contributor(
            name=payload[:150],
            slug=f"writer-{n}",
            bio=payload,
            bios={"fr": payload},
            job_title=payload[:100],
            website="javascript:alert(1)",
            social_links=f"{payload}\n https://example.org/{quote(payload)}\njavascript:alert(1)",
        )
        for n, payload in enumerate(PAYLOADS)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=payload[:100], slug=f"topic-{n}", names={"fr": payload}, description=payload)
        for n, payload in enumerate(PAYLOADS)
    )
    for n, (payload, writer, topic) in enumerate(zip(PAYLOADS, writers, topics, strict=True)):
        article = make_article(
            headline=payload,
            slug=f"story-{n}",
            standfirst=payload,
            body=f"<p>Searchword {payload}</p>{payload}",
            dateline_place=payload[:100],
            dateline_agency=payload[:100],
        )
        # A library picture's caption, alt text and credit go wherever the picture shows:
        # the article, the home page, the photographer's page, ninjs and JSON-LD.
        article.lead_image = library_picture(
            320,
            200,
            caption=payload,
            alt_text=payload[:250],
            credit=payload[:150],
            photographer=writer if n % 2 else None,
        )
        article.save()
        Credit.objects.create(article=article, contributor=writer, role="reporting")
        article.topics.add(topic)
        article.publish(editor)
        article.add_correction(editor, text=payload, wrong=payload, right=payload)
        articles.append(article)
    return articles


@pytest.fixture
def comments(client, stories, editor):
    for n, (article, payload) in enumerate(zip(stories, PAYLOADS, strict=True)):
        response = post_comment(
            client,
            article,
            name=payload[:80],
            email=f"reader{n}@example.org",
            text=payload,
            ip=f"10.0.0.{n + 1}",
        )
        assert response.status_code == 302, payload
    assert Comment.objects.count() == len(PAYLOADS)
    for comment in Comment.objects.all():
        comment.approve(editor)


def test_the_body_keeps_only_the_allowlist(stories):
    for article in stories:
        assert_dead(article.body, article.body)
        assert "<script" not in article.body.lower()


def test_article_pages(client, stories, comments):
    for article, payload in zip(stories, PAYLOADS, strict=True):
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        page = response.content.decode()
        assert_dead(page, payload)
        assert 'class="topic-link"' in page, payload
        # The picture's fields are on the page, as text.
        assert f'alt="{escape(payload)}"' in page, payload


def test_profiles_show_their_fields_as_text_and_only_web_links(client, stories):
    for article, payload in zip(stories, PAYLOADS, strict=True):
        writer = article.credits.get().contributor
        for url in (f"/contributor/{writer.slug}/", f"/fr/contributor/{writer.slug}/"):
            page = client.get(url).content.decode()
            assert_dead(page, payload)
            data = json.loads(page.split('ld+json">', 1)[1].split("</script>", 1)[0])
            assert data["mainEntity"]["jobTitle"] == payload[:100]
            assert data["mainEntity"]["sameAs"] == [f"https://example.org/{quote(payload)}"]


def test_json_ld_cannot_be_closed_from_inside(client, stories):
    for article, payload in zip(stories, PAYLOADS, strict=True):
        page = client.get(article.get_absolute_url()).content.decode()
        opening = '<script type="application/ld+json">'
        assert page.count(opening) == 1
        inside = page.split(opening, 1)[1].split("</script>", 1)[0]
        assert "</script" not in inside.lower() and "<!--" not in inside
        data = json.loads(inside)
        # Escaping kept every character: the headline reads back exactly as typed.
        assert data["headline"] == payload
        assert data["correction"][0]["text"] == payload


def test_lists_search_and_contributor_pages(client, stories, comments):
    urls = [reverse("articles:home"), reverse("articles:corrections")]
    urls += [stories[0].section.get_absolute_url()]
    urls += [credit.contributor.get_absolute_url() for a in stories for credit in a.credits.all()]
    urls += [topic.get_absolute_url() for a in stories for topic in a.topics.all()]
    urls += [f"/fr{url}" for url in urls]  # names, bios and menus in French
    urls += [f"{reverse('articles:search')}?q=Searchword"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_dead(response.content.decode(), url)
    for payload in PAYLOADS:
        response = client.get(reverse("articles:search"), {"q": payload})
        assert response.status_code == 200
        assert_dead(response.content.decode(), payload)


def feed_urls(stories):
    section = stories[0].section.slug
    contributor = stories[0].credits.get().contributor.slug
    return [
        reverse("articles:feed-rss"),
        reverse("articles:feed-atom"),
        reverse("articles:section-feed-rss", args=[section]),
        reverse("articles:section-feed-atom", args=[section]),
        reverse("articles:contributor-feed-rss", args=[contributor]),
        reverse("articles:contributor-feed-atom", args=[contributor]),
        reverse("articles:corrections-feed"),
        reverse("articles:topic-feed-rss", args=[stories[0].topics.get().slug]),
        reverse("articles:topic-feed-atom", args=[stories[0].topics.get().slug]),
    ]


def test_feeds(client, stories):
    """Feed readers show descriptions and summaries as HTML: those must be harmless."""
    html_elements = {"description", "{http://www.w3.org/2005/Atom}summary"}
    for url in feed_urls(stories):
        response = client.get(url)
        assert response.status_code == 200
        root = ET.fromstring(response.content)  # well-formed, whatever was typed
        shown = [element.text or "" for element in root.iter() if element.tag in html_elements]
        assert shown, url
        for text in shown:
            assert_dead(text, f"{url}: {text}")


def test_ninjs_export(client, stories):
    for article, payload in zip(stories, PAYLOADS, strict=True):
        response = client.get(reverse("wire:ninjs", args=[article.slug]))
        assert response.headers["Content-Type"] == "application/json"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        item = json.loads(response.content)
        assert item["headlines"][0]["value"] == payload
        richtext = next(b for b in item["bodies"] if b["contenttype"] == "text/html")
        assert_dead(richtext["value"], payload)


# Email addresses may carry markup in a quoted local part.
EMAIL_PAYLOADS = [
    '"<script>alert(1)</script>"@example.org',
    '"<img/src=x/onerror=alert(1)>"@example.org',
    '"\'><svg/onload=alert(1)>"@example.org',
]


def test_confirmation_pages(client, stories, comments):
    """The page a mailed link opens shows the address, the name and the comment."""
    for comment in Comment.objects.select_related("article"):
        confirmation = Confirmation.objects.create(email=comment.email, comment=comment)
        url = reverse("comments:confirm", args=[confirmation.token])
        for response in (client.get(url), client.post(url, follow=True)):
            assert response.status_code == 200
            assert_dead(response.content.decode(), comment.text)
    for n, email in enumerate(EMAIL_PAYLOADS):
        response = post_comment(
            client, stories[0], email=email, text="Hello", ip=f"10.1.0.{n + 1}", follow=True
        )
        assert response.status_code == 200
        assert_dead(response.content.decode(), email)
        confirmation = Confirmation.objects.get(email=email.lower())
        url = reverse("comments:confirm", args=[confirmation.token])
        assert_dead(client.get(url).content.decode(), email)
    for payload in PAYLOADS:
        response = client.get(f"/comments/confirm/{quote(payload, safe='')}/")
        assert response.status_code in (400, 404)
        assert_dead(response.content.decode(), payload)


# Withdrawn stories, old addresses and refused requests


def test_withdrawn_notices_show_nothing_of_the_story(client, stories, editor):
    for article, payload in zip(stories, PAYLOADS, strict=True):
        article.withdraw(editor, payload)
        response = client.get(article.get_absolute_url())
        assert response.status_code == 410
        page = response.content.decode()
        assert_dead(page, payload)
        assert escape(payload) not in page
        notice = client.get(reverse("wire:ninjs", args=[article.slug])).json()
        assert notice["pubstatus"] == "canceled"
        assert payload not in json.dumps(notice, ensure_ascii=False)


def test_old_addresses_lead_to_pages_as_safe_as_the_new(client, stories):
    for n, (article, payload) in enumerate(zip(stories, PAYLOADS, strict=True)):
        old = article.get_absolute_url()
        article.slug = f"renamed-{n}"
        article.save()
        response = client.get(old, {"utm_source": payload})
        assert response.status_code == 301
        location = response["Location"]
        assert location.startswith(f"/articles/renamed-{n}/?utm_source=")
        assert not set(location) & set("<>\"' \n\r"), location
        assert response.content == b""
        followed = client.get(location)
        assert followed.status_code == 200
        assert_dead(followed.content.decode(), payload)


def test_a_refused_request_does_not_echo_what_was_sent(client):
    for payload in PAYLOADS:
        response = client.get(reverse("articles:search"), {"q": f"{payload}\x00"})
        assert response.status_code == 400
        page = response.content.decode()
        assert_dead(page, payload)
        assert escape(payload) not in page


@pytest.fixture
def live_story(make_article, editor):
    """A live story with one post per payload, the payload in every field a post shows."""
    story = make_article(headline="Live", slug="live-sweep")
    story.publish(editor)
    LiveCoverage.start(story, editor)
    writers = Contributor.objects.bulk_create(
        Contributor(name=payload[:150], slug=f"live-writer-{n}")
        for n, payload in enumerate(PAYLOADS)
    )
    for payload, writer in zip(PAYLOADS, writers, strict=True):
        post = story.live_coverage.add_post(
            editor,
            f"<p>Said {payload}</p>{payload}",
            title=payload[:250],
            image=jpeg(320, 200),
            image_alt=payload,
            image_caption=payload,
            credits=[("reporting", writer, payload[:100])],
        )
        post.pin(editor)
        post.correct(editor, payload)
    return story


def test_live_posts_on_the_page_in_updates_feed_json_ld_and_ninjs(client, live_story):
    page = client.get(live_story.get_absolute_url()).content.decode()
    older = page.split('href="?before=', 1)[1].split("#", 1)[0]
    both = page + client.get(live_story.get_absolute_url(), {"before": older}).content.decode()
    assert_dead(both, "the live story's pages")
    for payload in PAYLOADS:
        assert f'alt="{escape(payload)}"' in both, payload
    inside = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "</script" not in inside.lower() and "<!--" not in inside
    titles = {update["headline"] for update in json.loads(inside)["liveBlogUpdate"]}
    assert set(PAYLOADS) <= titles | {p[:250] for p in PAYLOADS}
    updates = client.get(reverse("live:updates", args=[live_story.slug]), {"after": "0_0"}).json()
    assert len(updates["posts"]) == len(PAYLOADS)
    for html in updates["posts"]:
        assert_dead(html, html)
    feed = client.get(reverse("live:feed", args=[live_story.slug])).content
    ET.fromstring(feed)  # well-formed whatever the posts held
    assert b"<script" not in feed
    ninjs = client.get(reverse("wire:ninjs", args=[live_story.slug])).content.decode()
    json.loads(ninjs)
