"""
One story from the desk to the reader and back, in a real browser:
an editor writes and publishes an article with its credits, a reader comments
on it, a moderator approves the comment and readers then see it.
"""

import re
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.utils.text import slugify
from playwright.sync_api import expect

from articles.models import Contributor, Section

from .conftest import COMMENTS_MIN_SECONDS, PASSWORD

HEADLINE = "Arctic ferry resumes service after winter ice"
SLUG = "arctic-ferry-resumes-service-after-winter-ice"
CREDITS = [
    # role, contributor, place, language translated into
    ("reporting", "Guy Faulconbridge", "Tromsø", ""),
    ("translation", "Lina Golovnya", "", "fr"),
    ("editing", "Blandine Hénault", "", ""),
]
# The English wire style for a story that credits a translator (README, "How articles work").
CREDIT_LINE = (
    "(Report Guy Faulconbridge in Tromsø; French version Lina Golovnya, edited by Blandine Hénault)"  # noqa: E501
)
COMMENT = "Good news for the islands: the winter without the ferry was long."


# The live server answers from another thread: the test's data must be committed.
# Groups and credit styles come from migrations; serialized_rollback puts them back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def newsroom():
    """A fresh newsroom: one editor, one moderator, a section and three contributors."""
    for username, group in [("editor", "Editors"), ("moderator", "Moderators")]:
        user = User.objects.create_user(username, f"{username}@example.com", PASSWORD)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=group))
    Section.objects.create(name="Europe", slug="europe", comment_policy="pre")
    for _, name, _, _ in CREDITS:
        Contributor.objects.create(name=name, slug=slugify(name))


def log_in(page, username):
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="My desk")).to_be_visible()


def add_credit(page, row, role, contributor, place, language):
    page.get_by_role("button", name="Add a credit").click()
    prefix = f"#id_credits-{row}"
    page.locator(f"{prefix}-role").select_option(role)
    # The contributor is an autocomplete field: type part of the name, pick the match.
    page.locator(f"#credits-{row} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(contributor.split()[0])
    page.locator(".select2-results__option", has_text=contributor).click()
    # Only the fields the role uses are shown.
    expect(page.locator(f"{prefix}-place")).to_be_visible(visible=bool(place))
    expect(page.locator(f"{prefix}-language")).to_be_visible(visible=bool(language))
    if place:
        page.locator(f"{prefix}-place").fill(place)
    if language:
        page.locator(f"{prefix}-language").select_option(language)


def write_body_with_the_editor(page):
    """A subhead, bold words and a link, from the keyboard as a reporter types them."""
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.click()
    page.keyboard.press("Control+Alt+2")
    page.keyboard.type("Back on the water")
    page.keyboard.press("Enter")
    page.keyboard.type("The first ferry of the season left the harbour at ")
    page.keyboard.press("Control+b")
    page.keyboard.type("dawn")
    page.keyboard.press("Control+b")
    page.keyboard.type(". Timetables: https://example.org/ferries and on board.")
    expect(body.locator("h2")).to_have_text("Back on the water")
    expect(body.locator("strong")).to_have_text("dawn")
    expect(body.locator("a")).to_have_attribute("href", "https://example.org/ferries")


def editor_writes_and_publishes(page, snap):
    log_in(page, "editor")
    page.goto("/admin/articles/article/add/")
    # Typed key by key: the admin fills the slug in from the headline as it is typed.
    page.locator("#id_headline").press_sequentially(HEADLINE)
    expect(page.locator("#id_slug")).to_have_value(SLUG)
    page.locator("#id_standfirst").fill("The route to the outer islands reopened on Monday.")
    write_body_with_the_editor(page)
    page.locator("#id_dateline_place").fill("TROMSØ")
    page.locator("#id_section").select_option(label="Europe")
    for row, credit in enumerate(CREDITS):
        add_credit(page, row, *credit)
    # The credit line is previewed as the credits are edited, before anything is saved,
    # with a word about the French version on an English story.
    expect(page.locator(".credit-line-preview")).to_have_text(CREDIT_LINE)
    expect(page.locator(".credit-warnings")).to_contain_text("credited with a French version")
    snap(page, "article-form")
    page.get_by_role("button", name="Save and submit").click()
    expect(page.locator(".messagelist")).to_contain_text("Saved. “Arctic ferry")
    expect(page.locator(".messagelist")).to_contain_text("is now in review")
    expect(page.locator(".credit-line-preview")).to_have_text(CREDIT_LINE)

    page.get_by_role("button", name="Save and publish").click()
    expect(page.locator(".messagelist")).to_contain_text("is now published")
    snap(page, "published")


def reader_comments(page, snap, check_accessible):
    page.goto(f"/articles/{SLUG}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(page.locator(".credit-line")).to_have_text(CREDIT_LINE)
    # What was written with the editor reaches readers as written.
    story = page.locator(".article-body")
    expect(story.get_by_role("heading", level=2)).to_have_text("Back on the water")
    expect(story.locator("strong")).to_have_text("dawn")
    link = story.get_by_role("link", name="https://example.org/ferries")
    expect(link).to_have_attribute("href", "https://example.org/ferries")
    expect(page.get_by_text("No comments yet.")).to_be_visible()
    check_accessible(page)
    snap(page, "article")

    form_shown_at = time.monotonic()
    page.get_by_label("Your name").fill("Ingrid")
    page.get_by_label("Your email").fill("ingrid@example.com")
    page.get_by_label("Your comment").fill(COMMENT)
    # The form refuses a comment sent sooner than the minimum after it was shown.
    time.sleep(max(0.0, COMMENTS_MIN_SECONDS + 0.2 - (time.monotonic() - form_shown_at)))
    page.get_by_role("button", name="Post comment").click()

    expect(page.get_by_role("status")).to_contain_text("Your comment is awaiting moderation.")
    expect(page.get_by_role("status")).to_contain_text("ingrid@example.com")
    own_comment = page.locator(".comment", has_text=COMMENT)
    expect(own_comment).to_contain_text("Awaiting moderation")
    check_accessible(page)
    snap(page, "comment-awaiting-moderation")


def reader_confirms_address(page, snap, check_accessible):
    """The first comment from an address brings a link; one button on its page proves it."""
    deadline = time.monotonic() + 10
    while not [m for m in mail.outbox if m.to == ["ingrid@example.com"]]:
        assert time.monotonic() < deadline, "no confirmation mail"
        time.sleep(0.1)
    message = next(m for m in mail.outbox if m.to == ["ingrid@example.com"])
    link = re.search(r"/comments/confirm/[^/\s]+/", message.body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your comment")
    expect(page.locator("blockquote")).to_contain_text(COMMENT)
    check_accessible(page)
    snap(page, "confirmation-link")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your address is confirmed"
    )
    expect(page.get_by_text("is waiting for a moderator")).to_be_visible()
    check_accessible(page)
    snap(page, "address-confirmed")


def moderator_approves(page, snap):
    log_in(page, "moderator")
    page.goto("/admin/comments/comment/")
    row = page.locator("#result_list tbody tr", has_text="Ingrid")
    expect(row).to_have_count(1)
    snap(page, "moderation-queue")
    # One click on the row's own button: no action to choose, no Go.
    row.get_by_role("button", name="Approve comment by Ingrid").click()
    expect(page.locator(".messagelist .success")).to_contain_text("is now approved")
    expect(page.locator("#result_list tbody tr", has_text="Ingrid")).to_have_count(0)
    snap(page, "approved")


def test_published_article_comment_is_moderated_then_shown(
    newsroom, open_session, snap, check_accessible
):
    editor, reader, other_reader, moderator = map(
        open_session, ["editor", "reader", "other-reader", "moderator"]
    )
    editor_writes_and_publishes(editor, snap)
    reader_comments(reader, snap, check_accessible)
    reader_confirms_address(reader, snap, check_accessible)

    # Only its author sees a comment that waits for moderation.
    other_reader.goto(f"/articles/{SLUG}/")
    expect(other_reader.get_by_text("No comments yet.")).to_be_visible()
    expect(other_reader.get_by_text(COMMENT)).to_have_count(0)
    check_accessible(other_reader)

    moderator_approves(moderator, snap)

    reader.goto(f"/articles/{SLUG}/")
    other_reader.reload()
    for page in (reader, other_reader):
        comment = page.locator(".comment", has_text=COMMENT)
        expect(comment).to_contain_text("Ingrid")
        expect(comment).not_to_contain_text("Awaiting moderation")
        expect(page.locator("#comments-heading")).to_have_text("1 comment")
        check_accessible(page)
        snap(page, "comment-published")
