"""The top of the home page as editors set it, and the breaking-news banner; both expire."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import BreakingNews, FrontPageSlot
from tests.factories import with_lead_image


def home():
    return Client().get("/").content.decode()


def lead_headline(html):
    return (
        html.split('class="display-6 lead-headline"><a href="', 1)[1].split(">", 1)[1].split("<")[0]
    )


@pytest.fixture
def stories(publish):
    return [publish(headline=f"Story {n}", hours_ago=n) for n in range(1, 8)]


def test_without_pins_the_newest_story_leads(stories):
    assert lead_headline(home()) == "Story 1"


def test_editors_pin_the_lead_and_order_the_top(stories):
    later = timezone.now() + timedelta(hours=2)
    FrontPageSlot.objects.create(article=stories[5], position=1, until=later)
    FrontPageSlot.objects.create(article=stories[3], position=2, until=later)
    html = home()
    assert lead_headline(html) == "Story 6"
    top = html.split('class="top-stories', 1)[1].split('class="home-sections', 1)[0]
    # The second pinned story next, then the newest to fill the row; each once on the page.
    assert top.index("Story 4") < top.index("Story 1") < top.index("Story 2")
    assert html.count(">Story 6<") == 1 and html.count(">Story 4<") == 1


def test_a_pin_expires_by_itself_and_the_cached_home_page_with_it(stories, settings):
    FrontPageSlot.objects.create(
        article=stories[5], position=1, until=timezone.now() + timedelta(minutes=5)
    )
    assert lead_headline(home()) == "Story 6"
    response = Client().get("/")
    assert response["X-Page-Cache"] == "hit"
    # Shared caches are told to keep the page no longer than the pin lasts.
    assert "s-maxage=" in response["Cache-Control"]
    assert int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0]) <= 300
    later = timezone.now() + timedelta(minutes=6)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        assert lead_headline(home()) == "Story 1"


def test_a_pinned_story_readers_cannot_see_is_not_shown(stories, editor):
    FrontPageSlot.objects.create(
        article=stories[5], position=1, until=timezone.now() + timedelta(hours=1)
    )
    stories[5].take_step("withdraw", editor, note="Legal")
    assert "Story 6" not in home()


def test_the_breaking_banner_links_to_its_story_on_every_page_until_its_time(stories, section):
    assert "breaking-news" not in home()
    BreakingNews.objects.create(
        text="Parliament dissolved",
        article=stories[0],
        until=timezone.now() + timedelta(minutes=30),
    )
    for url in ("/", f"/section/{section.slug}/", stories[2].get_absolute_url(), "/fr/"):
        html = Client().get(url).content.decode()
        assert f'<a href="{stories[0].get_absolute_url()}">Parliament dissolved</a>' in html, url
    later = timezone.now() + timedelta(minutes=31)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        assert "Parliament dissolved" not in home()
        assert (
            "Parliament dissolved"
            not in Client().get(stories[2].get_absolute_url()).content.decode()
        )


def test_a_lead_without_a_picture_takes_the_width_one_with_a_picture_shares_it(stories):
    html = home()
    assert "lead-story row g-4 mb-4 lead-story-text" in html and 'class="col-lg-9"' in html
    with_lead_image(stories[0])
    html = home()
    assert "lead-story-text" not in html and 'class="col-md-7"' in html


def test_editors_may_pin_and_raise_the_banner_reporters_may_not(client, editor, reporter):
    client.force_login(editor)
    assert client.get("/admin/articles/frontpageslot/add/").status_code == 200
    assert client.get("/admin/articles/breakingnews/add/").status_code == 200
    client.force_login(reporter)
    assert client.get("/admin/articles/frontpageslot/add/").status_code == 403
