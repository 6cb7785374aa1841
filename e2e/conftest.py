"""
Fixtures for the end-to-end journeys: Debian's Chromium through Playwright's
sync API, a live server on a fresh test database, screenshots of each step.
Run with `make test-e2e` (not part of `make test`).
"""

import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in the test's thread, and
# Django refuses ORM calls from such a thread unless told it is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Port 0: the system picks a free port, so a second run (or a socket still
# closing from the last one) never collides.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1:0")

from playwright.sync_api import sync_playwright  # noqa: E402

from e2e.browser import assert_accessible, launch, new_context  # noqa: E402

SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOTS", Path(__file__).parent / "screenshots"))
PASSWORD = "correct-horse-battery-staple"
# The comment form refuses posts sooner than this after it was shown; one
# second keeps the rule in play without making the journeys wait long.
COMMENTS_MIN_SECONDS = 1


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@pytest.fixture
def open_session(browser, live_server):
    """A new browser session for one person: `open_session("reader")` gives its first page."""
    contexts = []

    def open_session(who):
        context = new_context(browser, base_url=live_server.url)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.who = who
        return page

    yield open_session
    for context in contexts:
        context.close()


@pytest.fixture
def snap(screenshot_dir, request):
    """Save a full-page screenshot, numbered in the order of the journey."""
    counter = iter(range(1, 1000))
    test_name = re.sub(r"\W+", "-", request.node.name)

    def snap(page, step):
        name = f"{test_name}-{next(counter):02d}-{page.who}-{step}.png"
        page.screenshot(path=screenshot_dir / name, full_page=True)

    return snap


@pytest.fixture
def check_accessible():
    """axe-core on a public page: no serious or critical violation."""
    return assert_accessible


@pytest.fixture(autouse=True)
def quick_comment_forms(settings):
    settings.COMMENTS_MIN_SECONDS = COMMENTS_MIN_SECONDS


@pytest.fixture(autouse=True)
def own_cache(settings, tmp_path):
    # The default file cache, in a folder of the journey's own: never a dev server's pages.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.is_dir():
        terminalreporter.write_line(f"Screenshots: {SCREENSHOTS}")
