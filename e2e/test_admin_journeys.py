"""
The admin in a real browser: an edit published in one click, credits reordered
from the keyboard, a moderator deciding with one click and with the keyboard,
and every admin page looked at on a desk and on a phone.
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from articles.models import Article, Contributor, Credit, Section
from comments.models import Comment

from .admin_pages import DESKTOP, PHONE, sideways_overflow, wait_until_settled
from .conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROLES = [
    ("editor", "Editors"),
    ("reporter", "Reporters"),
    ("translator", "Translators"),
    ("moderator", "Moderators"),
]


@pytest.fixture
def desk():
    """A small newsroom: one person per role, a story in review with three credits, comments."""
    people = {}
    for username, group in ROLES:
        user = User.objects.create_user(username, f"{username}@example.com", PASSWORD)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=group))
        people[username] = user
    section = Section.objects.create(name="Europe", slug="europe", comment_policy="pre")
    rita = Contributor.objects.create(name="Rita Reporter", slug="rita", user=people["reporter"])
    story = Article.objects.create(
        headline="Harbour reopens after the storm",
        slug="harbour-reopens",
        standfirst="The old standfirst.",
        body="<p>Boats left at dawn.</p>",
        section=section,
        created_by=people["reporter"],
    )
    for position, (name, role, place) in enumerate(
        [
            ("Ann Able", "reporting", "Bergen"),
            ("Rita Reporter", "reporting", "Oslo"),
            ("Ed Itor", "editing", ""),
        ]
    ):
        contributor = (
            rita
            if name == "Rita Reporter"
            else Contributor.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        )
        Credit.objects.create(
            article=story, contributor=contributor, role=role, place=place, position=position
        )
    story.submit(people["reporter"], "Ready for the desk")
    live = Article.objects.create(
        headline="Ferry timetable changes", slug="ferry", section=section, body="<p>New times.</p>"
    )
    live.publish(people["editor"])
    for name, text in [("Ingrid", "Welcome news for the islands."), ("Tom", "About time.")]:
        Comment.objects.create(
            article=live,
            name=name,
            email=f"{name.lower()}@example.com",
            text=text,
            held_reason="New commenter",
        )
    return {"people": people, "story": story, "live": live}


def signed_in(open_session, who, viewport=DESKTOP):
    page = open_session(who)
    page.set_viewport_size(viewport)
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(who)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="My desk")).to_be_visible()
    return page


def test_an_edit_is_published_in_one_click_and_kept(desk, open_session, snap):
    story = desk["story"]
    page = signed_in(open_session, "editor")
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    page.get_by_label("Standfirst").fill("Fishing boats and ferries sailed again on Monday.")
    page.get_by_label("Note for the history").fill("Checked with the harbour master.")
    snap(page, "edited-not-saved")
    page.get_by_role("button", name="Save and publish").click()

    expect(page.locator(".messagelist")).to_contain_text("Saved. “Harbour reopens")
    expect(page.locator(".messagelist")).to_contain_text("is now published")
    expect(page.locator(".desk-bar-state")).to_have_text("Live")
    expect(page.get_by_label("Standfirst")).to_have_value(
        "Fishing boats and ferries sailed again on Monday."
    )
    expect(page.locator(".workflow-history")).to_contain_text("Checked with the harbour master.")
    snap(page, "published")

    reader = open_session("reader")
    reader.goto("/articles/harbour-reopens/")
    expect(reader.locator(".standfirst")).to_have_text(
        "Fishing boats and ferries sailed again on Monday."
    )
    story.refresh_from_db()
    assert story.standfirst == "Fishing boats and ferries sailed again on Monday."


def test_a_failed_save_takes_no_step_and_keeps_the_text(desk, open_session, snap):
    story = desk["story"]
    page = signed_in(open_session, "editor")
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    page.get_by_label("Standfirst").fill("A better standfirst, typed with care.")
    page.get_by_role("button", name="Save and return to reporter").click()  # no note given
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".field-step_note .errorlist")).to_contain_text("a note is required")
    expect(page.get_by_label("Standfirst")).to_have_value("A better standfirst, typed with care.")
    snap(page, "return-without-note")
    story.refresh_from_db()
    assert (story.status, story.standfirst) == ("review", "The old standfirst.")


def test_credits_are_reordered_from_the_keyboard(desk, open_session, snap):
    story = desk["story"]
    page = signed_in(open_session, "editor")
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    preview = page.locator(".credit-line-preview")
    expect(preview).to_have_text(
        "(Reporting by Ann Able in Bergen and Rita Reporter in Oslo; Editing by Ed Itor)"
    )
    # Tab to Rita's "up" button and press it: she becomes the first credit.
    page.get_by_role("button", name="Move credit 2 up").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".credit-announce")).to_have_text("Rita Reporter is now credit 1 of 3.")
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert focused == "Move credit 1 up"  # the focus stays on the button that moved
    expect(preview).to_have_text(
        "(Reporting by Rita Reporter in Oslo and Ann Able in Bergen; Editing by Ed Itor)"
    )
    # And the editor moves up one, past Ann, with the space bar.
    page.get_by_role("button", name="Move credit 3 up").focus()
    page.keyboard.press("Space")
    expect(page.locator(".credit-number")).to_have_text(["1", "2", "3"])
    snap(page, "credits-reordered")
    page.get_by_role("button", name="Save and keep editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert [c.contributor.name for c in story.credits.all()] == [
        "Rita Reporter",
        "Ed Itor",
        "Ann Able",
    ]


def test_a_moderator_decides_with_one_click_and_with_the_keyboard(desk, open_session, snap):
    page = signed_in(open_session, "moderator")
    page.goto("/admin/comments/comment/")
    expect(page.locator("#queue-keys")).to_contain_text("J next comment")
    snap(page, "queue")
    # The letters can be turned off, for those whose screen reader or speech input uses them.
    page.get_by_label("Use these keys").uncheck()
    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(page.locator(".queue-current")).to_have_count(0)
    page.reload()
    expect(page.get_by_label("Use these keys")).not_to_be_checked()
    page.get_by_label("Use these keys").check()
    # The keyboard: J to the first comment, A to approve it.
    page.keyboard.press("j")
    expect(page.locator("#result_list tbody tr").first).to_have_class(re.compile("queue-current"))
    page.keyboard.press("a")
    expect(page.locator(".messagelist .success")).to_contain_text("Ingrid is now approved")
    # One click, with a reason typed in the row.
    row = page.locator("#result_list tbody tr", has_text="Tom")
    row.get_by_label("Reason for the decision on the comment by Tom").fill("Too short to add much")
    row.get_by_role("button", name="Reject comment by Tom").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Tom is now rejected")
    expect(page.locator("#result_list tbody tr")).to_have_count(0)
    snap(page, "queue-empty")
    statuses = dict(Comment.objects.values_list("name", "status"))
    assert statuses == {"Ingrid": "approved", "Tom": "rejected"}
    assert Comment.objects.get(name="Tom").log.get().reason == "Too short to add much"


ADMIN_PAGES = [
    ("editor", "desk", "/admin/"),
    ("editor", "article-list", "/admin/articles/article/"),
    ("editor", "article-page", "/admin/articles/article/{story}/change/"),
    ("editor", "new-article", "/admin/articles/article/add/"),
    ("editor", "publish-page", "/admin/articles/article/{story}/workflow/publish/"),
    ("editor", "notices", "/admin/desk/notice/"),
    ("editor", "notification-settings", "/admin/desk/settings/"),
    ("reporter", "desk", "/admin/"),
    ("reporter", "article-list", "/admin/articles/article/?mine=1"),
    ("reporter", "article-page-read-only", "/admin/articles/article/{live}/change/"),
    ("translator", "desk", "/admin/"),
    ("moderator", "desk", "/admin/"),
    ("moderator", "comment-queue", "/admin/comments/comment/"),
    ("moderator", "comment-page", "/admin/comments/comment/{comment}/change/"),
]


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_every_admin_page_fits_its_screen(desk, open_session, screenshot_dir, width):
    ids = {
        "story": desk["story"].pk,
        "live": desk["live"].pk,
        "comment": Comment.objects.order_by("pk").first().pk,
    }
    viewport = DESKTOP if width == "desktop" else PHONE
    pages = {}
    for role, name, path in ADMIN_PAGES:
        if role not in pages:
            pages[role] = signed_in(open_session, role, viewport)
        page = pages[role]
        page.goto(path.format(**ids))
        wait_until_settled(page)
        page.screenshot(path=screenshot_dir / f"admin-{width}-{role}-{name}.png", full_page=True)
        assert sideways_overflow(page) <= 0, f"{path} scrolls sideways at {viewport['width']} px"
