"""
What readers meet, in a real browser at 1280 px and on a 390 px phone: the front page,
a story with its topics and related stories, a topic, a profile, and the same in French.
"""

import io

import pytest
from django.core.management import call_command

from .admin_pages import DESKTOP, PHONE, sideways_overflow

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    ("home", "/"),
    ("article", "/articles/former-wagner-commander-asks-norway-for-asylum/"),
    ("topic", "/topic/nordic-countries/"),
    ("profile", "/contributor/gwladys-fouche/"),
    ("home-french", "/fr/"),
    ("article-french", "/articles/un-ancien-commandant-de-wagner-demande-l-asile-en-norvege/"),
    ("profile-french", "/fr/contributor/guy-faulconbridge/"),
]


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_reader_pages_fit_each_screen_and_pass_axe(
    demo, open_session, screenshot_dir, check_accessible, width
):
    page = open_session("reader")
    page.set_viewport_size(DESKTOP if width == "desktop" else PHONE)
    for name, path in PAGES:
        page.goto(path)
        page.screenshot(path=screenshot_dir / f"reader-{width}-{name}.png", full_page=True)
        assert sideways_overflow(page) <= 0, f"{path} scrolls sideways at {width}"
        check_accessible(page)


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_topics_and_related_stories_sit_beside_the_text_on_desktop_below_on_phones(
    demo, open_session, width
):
    page = open_session("reader")
    page.set_viewport_size(DESKTOP if width == "desktop" else PHONE)
    page.goto("/articles/former-wagner-commander-asks-norway-for-asylum/")
    body = page.locator(".article-body").bounding_box()
    topics = page.locator("nav.topics").bounding_box()
    if width == "desktop":
        assert topics["x"] > body["x"] + body["width"] - 1
        assert topics["y"] < body["y"] + body["height"]
    else:
        assert topics["y"] > body["y"] + body["height"]


def test_the_language_switcher_leads_to_the_same_page_in_french(demo, open_session, snap):
    page = open_session("reader")
    page.set_viewport_size(DESKTOP)
    page.goto("/section/business/")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/section/business/")
    assert page.locator("h1").inner_text() == "Économie"
    assert page.locator("html").get_attribute("lang") == "fr"
    snap(page, "section-in-french")
    # The banner leads to its story.
    page.locator(".breaking-news a").click()
    page.wait_for_url("**/articles/nordic-central-banks-hold-rates/")


def test_from_a_story_the_switcher_leads_to_its_translation(demo, open_session, snap):
    page = open_session("reader")
    page.set_viewport_size(DESKTOP)
    page.goto("/articles/former-wagner-commander-asks-norway-for-asylum/")
    page.locator(".language-switcher").get_by_role("link", name="Français").click()
    page.wait_for_url("**/articles/un-ancien-commandant-de-wagner-demande-l-asile-en-norvege/")
    assert page.locator("html").get_attribute("lang") == "fr"
    snap(page, "story-in-french")
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url("**/articles/former-wagner-commander-asks-norway-for-asylum/")
    # A live story is marked so on the front page's cards.
    page.goto("/")
    live = page.locator("h2, h3").filter(has_text="Storm Ingrid hits the west coast")
    assert live.locator(".live-label").inner_text().strip().upper() == "LIVE"
