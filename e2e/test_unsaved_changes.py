"""
Nothing typed is lost, and nobody is asked about nothing: what an editor types is kept as
their private draft while they type, so a tab closed without saving gives it back on the
next opening ("Restore your unsaved changes from 10:42?"), for a story and for a new one;
and the page asks "Leave site?" only when something on it is not saved.
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Section
from desk.models import Draft
from live.models import LiveCoverage

from .admin_pages import DESKTOP, PHONE, wait_until_settled
from .conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OFFER = re.compile(r"Restore your unsaved changes from \d\d:\d\d\?")


@pytest.fixture(autouse=True)
def quick_autosave(monkeypatch):
    monkeypatch.setattr("desk.drafts.AUTOSAVE_SECONDS", 1)


@pytest.fixture
def newsroom():
    editor = User.objects.create_user("editor", "editor@example.com", PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    section = Section.objects.create(name="Europe", slug="europe")
    story = Article.objects.create(
        headline="Harbour reopens after the storm",
        slug="harbour-reopens",
        standfirst="The old standfirst.",
        body="<p>Boats left at dawn.</p>",
        section=section,
        created_by=editor,
    )
    live = Article.objects.create(
        headline="Storm reaches the coast", slug="storm", section=section, body="<p>Wind.</p>"
    )
    live.publish(editor)
    coverage = LiveCoverage.start(live, editor)
    coverage.add_post(editor, "<p>Ferries have stopped.</p>", title="Ferries")
    return {"story": story, "live": live, "section": section}


def signed_in(open_session, viewport=DESKTOP):
    page = open_session("editor")
    page.set_viewport_size(viewport)
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="My desk")).to_be_visible()
    return page


def reopened(page, path):
    """The same person's next tab on ``path``, the first one closed without saving."""
    second = page.context.new_page()
    second.who = page.who
    second.set_default_timeout(15_000)
    page.close()  # as a closed tab: no "Leave site?", nothing saved
    second.goto(path)
    return second


def asks_before_leaving(page):
    """Every question the page asks from now on; answered "Leave" unless told to stay."""
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss() if asked.stay else dialog.accept()

    asked = type("Asked", (list,), {"stay": False})()
    page.on("dialog", answer)
    return asked


def test_an_edit_comes_back_after_the_tab_is_closed_without_saving(newsroom, open_session, snap):
    story = newsroom["story"]
    path = f"/admin/articles/article/{story.pk}/change/"
    page = signed_in(open_session)
    page.goto(path)
    page.get_by_label("Standfirst").fill("Fishing boats sailed again on Monday.")
    body = page.locator("#article_form .prose-editor [contenteditable]")
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" The ferries follow at noon.")
    expect(page.locator(".autosave-status")).to_contain_text("Unsaved changes kept for you at")
    snap(page, "typed-and-kept")

    page = reopened(page, path)
    offer = page.locator(".autosave-offer")
    expect(offer.get_by_role("heading")).to_have_text(OFFER)
    kept_at = timezone.localtime(Draft.objects.get().saved_at).strftime("%H:%M")
    expect(offer.get_by_role("heading")).to_have_text(
        f"Restore your unsaved changes from {kept_at}?"
    )
    expect(page.get_by_label("Standfirst")).to_have_value("The old standfirst.")
    snap(page, "offered")
    page.get_by_role("link", name="Restore", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("are back in the form")
    expect(page.get_by_label("Standfirst")).to_have_value("Fishing boats sailed again on Monday.")
    body = page.locator("#article_form .prose-editor [contenteditable]")
    expect(body).to_contain_text("Boats left at dawn. The ferries follow at noon.")
    snap(page, "restored")
    page.get_by_role("button", name="Save and keep editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(page.locator(".autosave-offer")).to_have_count(0)
    story.refresh_from_db()
    assert story.standfirst == "Fishing boats sailed again on Monday."
    assert story.body == "<p>Boats left at dawn. The ferries follow at noon.</p>"


def test_a_new_story_comes_back_too(newsroom, open_session, snap):
    page = signed_in(open_session)
    page.goto("/admin/articles/article/add/")
    page.get_by_label("Headline").fill("Bridges close as the wind rises")
    page.locator("#article_form .prose-editor [contenteditable]").fill("Both bridges are shut.")
    expect(page.locator(".autosave-status")).to_contain_text("Unsaved changes kept for you at")

    page = reopened(page, "/admin/")
    drafts = page.locator(".desk-drafts")
    expect(drafts).to_contain_text("Bridges close as the wind rises")
    snap(page, "desk-lists-unsaved-changes")
    drafts.get_by_role("link", name="Bridges close as the wind rises").click()
    expect(page.get_by_label("Headline")).to_have_value("Bridges close as the wind rises")
    expect(page.locator("#article_form .prose-editor [contenteditable]")).to_have_text(
        "Both bridges are shut."
    )
    assert not Article.objects.filter(headline__startswith="Bridges").exists()
    expect(page.locator(".autosave-status")).to_contain_text("kept for you")  # the page's own
    page.set_viewport_size(PHONE)
    snap(page, "new-story-restored-phone")


def test_no_leave_site_prompt_without_changes_and_one_with_them(newsroom, open_session, snap):
    story, live = newsroom["story"], newsroom["live"]
    page = signed_in(open_session)
    asked = asks_before_leaving(page)
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    wait_until_settled(page)
    # Clicking about, into every kind of box, changes nothing.
    page.get_by_label("Headline").click()
    page.locator("#article_form .prose-editor [contenteditable]").click()
    page.keyboard.press("End")
    page.get_by_label("Standfirst").click()
    page.keyboard.press("Tab")
    page.get_by_label("Section").select_option(label="Europe")
    page.get_by_role("link", name="Close").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/$"))
    assert asked == []

    # The live desk's buttons on a page with nothing typed: no question either.
    page.goto(f"/admin/articles/article/{live.pk}/change/")
    wait_until_settled(page)
    page.locator(".live-desk [contenteditable]").click()
    page.get_by_role("button", name="Pin as key point").click()
    expect(page.locator(".messagelist")).to_contain_text("Pinned as a key point")
    wait_until_settled(page)  # the page came back: its editors read what they hold first
    assert asked == []
    # Half a post written there is something to lose: leaving asks.
    words = page.locator("#live-post-form .prose-editor [contenteditable]")
    words.fill("Half a post.")
    asked.stay = True
    page.get_by_role("link", name="Close").click()
    expect(words).to_have_text("Half a post.")
    assert asked == ["beforeunload"]
    words.fill("")
    asked.stay = False
    asked.clear()

    # Something typed and not saved: leaving asks, and staying keeps it.
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    page.get_by_label("Standfirst").fill("Typed, not saved.")
    status = page.locator(".autosave-status")
    expect(status).to_contain_text("Unsaved changes kept for you at")
    asked.stay = True
    page.get_by_role("link", name="Close").click()
    expect(page.get_by_label("Standfirst")).to_have_value("Typed, not saved.")
    assert asked == ["beforeunload"]
    snap(page, "stayed-after-being-asked")
    # Typed back as it was: nothing is unsaved, the draft is forgotten, nobody is asked.
    page.get_by_label("Standfirst").fill("The old standfirst.")
    expect(status).to_have_text("")
    assert not Draft.objects.exists()
    asked.stay = False
    page.get_by_role("link", name="Close").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/$"))
    assert asked == ["beforeunload"]
