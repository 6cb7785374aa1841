"""
A story's page is the same for every reader, comment form included: in a real browser
the form asks for its reader's own token as they start writing, and without scripts
the reader is asked once more ("Post this comment?") and nothing typed is lost.
"""

import io
import time

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .browser import new_context
from .conftest import COMMENTS_MIN_SECONDS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STORY = "/articles/former-wagner-commander-asks-norway-for-asylum/"


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())


def write_comment(page, name, text):
    started = time.monotonic()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email").fill(f"{name.lower()}@example.org")
    page.get_by_label("Your comment").fill(text)
    time.sleep(max(0.0, COMMENTS_MIN_SECONDS + 0.2 - (time.monotonic() - started)))
    page.get_by_role("button", name="Post comment").click()


def test_with_scripts_the_form_gets_its_token_as_the_reader_starts_writing(
    demo, open_session, snap
):
    page = open_session("reader")
    page.goto(STORY)
    form = page.locator("#comment-form form")
    expect(form.locator('input[name="csrfmiddlewaretoken"]')).to_have_count(0)
    write_comment(page, "Solveig", "Posted from the page every reader shares.")
    expect(page.get_by_role("status")).to_contain_text("Your comment")
    expect(page.locator(".comment", has_text="Posted from the page every")).to_be_visible()
    snap(page, "posted-with-scripts")
    # Back later, the page is the one every reader gets; the waiting comment comes with
    # the form's answer.
    page.goto(STORY)
    waiting = page.locator(".own-waiting-comments")
    expect(waiting.locator(".comment", has_text="Posted from the page every")).to_be_visible()
    expect(waiting).to_contain_text("Awaiting moderation")


def test_without_scripts_the_reader_is_asked_once_more_and_nothing_is_lost(
    demo, browser, live_server, screenshot_dir
):
    context = new_context(browser, base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(STORY)
        write_comment(page, "Tormod", "Written with scripts turned off.")
        expect(page.get_by_role("heading", level=1)).to_have_text("Post this comment?")
        expect(page.get_by_label("Your comment")).to_have_value("Written with scripts turned off.")
        expect(page.get_by_label("Your name")).to_have_value("Tormod")
        page.screenshot(path=screenshot_dir / "reader-post-this-comment.png", full_page=True)
        page.get_by_role("button", name="Post comment").click()
        expect(page.get_by_role("status")).to_contain_text("Your comment")
        expect(
            page.locator(".comment", has_text="Written with scripts turned off.")
        ).to_be_visible()
    finally:
        context.close()
