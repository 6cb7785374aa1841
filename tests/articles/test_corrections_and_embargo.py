import json
import re
from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import save_through_admin, schema_errors

pytestmark = pytest.mark.django_db


def json_ld(response):
    block = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(block.group(1))


@pytest.fixture
def live(make_article, editor):
    article = make_article(
        headline="Vote count delayed", credits=[("reporting", "Ann One", "Kyiv", "")]
    )
    article.publish(editor)
    return article


def test_correction_is_shown_listed_in_the_feed_and_in_json_ld(client, editor, live):
    live.add_correction(
        editor,
        "An earlier version gave the wrong day for the vote. It was on Tuesday.",
        wrong="The vote was on Monday.",
        right="The vote was on Tuesday.",
    )
    page = client.get(live.get_absolute_url())
    assert "It was on Tuesday." in page.content.decode()
    (correction,) = json_ld(page)["correction"]
    assert correction["@type"] == "CorrectionComment"
    assert correction["text"].endswith("It was on Tuesday.")

    listing = client.get(reverse("articles:corrections")).content.decode()
    assert "Vote count delayed" in listing and "It was on Tuesday." in listing
    feed = feedparser.parse(client.get(reverse("articles:corrections-feed")).content)
    assert [entry.title for entry in feed.entries] == ["Correction: Vote count delayed"]
    assert feed.entries[0].link.endswith(
        f"{live.get_absolute_url()}#correction-{live.corrections.get().pk}"
    )


def test_corrections_of_hidden_articles_stay_hidden(client, editor, live, make_article):
    draft = make_article(headline="Secret draft")
    draft.add_correction(editor, "Draft fix.")
    live.add_correction(editor, "Live fix.")
    live.withdraw(editor)
    page = client.get(reverse("articles:corrections")).content.decode()
    feed = client.get(reverse("articles:corrections-feed")).content.decode()
    for text in ("Draft fix.", "Live fix.", "Secret draft"):
        assert text not in page and text not in feed


def test_a_correction_dated_later_shows_from_its_time(client, editor, live, monkeypatch):
    due = timezone.now() + timedelta(hours=2)
    live.add_correction(editor, "The vote was on Tuesday.", published_at=due)
    surfaces = [live.get_absolute_url(), reverse("articles:corrections")]
    surfaces.append(reverse("articles:corrections-feed"))
    for url in surfaces:
        assert "on Tuesday" not in client.get(url).content.decode(), url
    assert "correction" not in json_ld(client.get(live.get_absolute_url()))
    later = due + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    for url in surfaces:
        assert "on Tuesday" in client.get(url).content.decode(), url


def test_minor_and_substantive_edits_as_readers_feeds_and_json_ld_see_them(client, editor, live):
    client.force_login(editor)
    save_through_admin(client, live, headline="Vote count delayed again", minor_edit="on")
    client.logout()
    page = client.get(live.get_absolute_url())
    live.refresh_from_db()
    assert json_ld(page)["dateModified"] == live.publish_at.isoformat()
    assert "Updated" not in page.content.decode()
    entry = feedparser.parse(client.get(reverse("articles:feed-atom")).content).entries[0]
    assert entry.updated_parsed[:6] == live.publish_at.utctimetuple()[:6]

    client.force_login(editor)
    save_through_admin(client, live, headline="Vote count delayed by a day")
    client.logout()
    live.refresh_from_db()
    page = client.get(live.get_absolute_url())
    assert json_ld(page)["dateModified"] == live.updated_at.isoformat()
    assert "Updated" in page.content.decode()
    entry = feedparser.parse(client.get(reverse("articles:feed-atom")).content).entries[0]
    assert entry.updated_parsed[:6] == live.updated_at.utctimetuple()[:6]


def test_embargo_holds_on_every_public_surface_and_lifts_by_itself(
    client, editor, make_article, monkeypatch
):
    lifted = timezone.now() + timedelta(hours=6)
    article = make_article(
        headline="Embargoed results",
        slug="embargoed-results",
        body="<p>Embargoed body</p>",
        embargo_until=lifted,
    )
    article.publish(editor)
    surfaces = [
        reverse("articles:home"),
        article.section.get_absolute_url(),
        reverse("articles:search") + "?q=Embargoed",
        reverse("articles:feed-rss"),
        reverse("articles:feed-atom"),
        reverse("articles:sitemap-section", args=["articles"]),
        reverse("articles:news-sitemap"),
    ]
    for url in surfaces:
        assert article.slug not in client.get(url).content.decode(), url
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(reverse("wire:ninjs", args=[article.slug])).status_code == 404

    client.force_login(editor)  # the desk can hand the story to partners early
    item = client.get(reverse("wire:ninjs", args=[article.slug])).json()
    assert item["pubstatus"] == "withheld"
    assert item["embargoed"].startswith(lifted.strftime("%Y-%m-%dT%H:%M"))
    assert schema_errors(item) == []
    client.logout()

    later = lifted + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    for url in surfaces:
        assert article.slug in client.get(url).content.decode(), url
    assert client.get(reverse("wire:ninjs", args=[article.slug])).json()["pubstatus"] == "usable"


def test_killed_story_answers_410_and_its_ninjs_says_canceled(client, editor, live):
    live.withdraw(editor, "Legal")
    assert client.get(live.get_absolute_url()).status_code == 410
    item = client.get(reverse("wire:ninjs", args=[live.slug])).json()
    assert item["pubstatus"] == "canceled"
    assert schema_errors(item) == []
    assert not Article.objects.published().exists()
