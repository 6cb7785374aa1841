"""
Live coverage in a real browser: a reporter posts from the story's admin page (the words
in the body's editor, credited to themselves only), and a reader who has the page open is
told "1 new post" without reloading, then reads it; an editor credits a colleague found
with the search box and pins the post, whose key point leads the reader to it; when the
editor ends the coverage the open page says so and stops asking.
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from articles.models import Article, Contributor, Section
from live.models import LiveCoverage

from .admin_pages import DESKTOP
from .conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def quick_polling(settings):
    settings.LIVE_POLL_SECONDS = 1


@pytest.fixture
def live_story():
    people = {}
    for username, group in [("editor", "Editors"), ("reporter", "Reporters")]:
        user = User.objects.create_user(username, f"{username}@example.com", PASSWORD)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=group))
        people[username] = user
    Contributor.objects.create(name="Rita Reporter", slug="rita", user=people["reporter"])
    Contributor.objects.create(name="Anna Ringstrom", slug="anna")
    section = Section.objects.create(name="Europe", slug="europe")
    story = Article.objects.create(
        headline="Storm reaches the coast",
        slug="storm-live",
        body="<p>The storm is coming ashore.</p>",
        section=section,
        created_by=people["reporter"],
    )
    story.publish(people["editor"])
    coverage = LiveCoverage.start(story, people["editor"])
    coverage.add_post(people["editor"], "<p>Ferries have stopped.</p>", title="Ferries")
    return story


def signed_in(open_session, who):
    page = open_session(who)
    page.set_viewport_size(DESKTOP)
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(who)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="My desk")).to_be_visible()
    return page


def test_a_reader_sees_a_new_post_arrive_without_reloading(
    live_story, open_session, snap, check_accessible
):
    reader = open_session("reader")
    reader.goto(live_story.get_absolute_url())
    expect(reader.locator(".live-post")).to_have_count(1)
    expect(reader.locator(".live-new")).to_be_hidden()
    check_accessible(reader)
    snap(reader, "live-page-open")

    reporter = signed_in(open_session, "reporter")
    reporter.goto(f"/admin/articles/article/{live_story.pk}/change/")
    # Only herself to credit, ticked; nobody else's name is on offer.
    expect(reporter.get_by_label("Rita Reporter")).to_be_checked()
    expect(reporter.locator(".field-live-reporters")).not_to_contain_text("Anna Ringstrom")
    reporter.get_by_label("Title").fill("Bridge closed")
    words = reporter.locator("#live-post-form .prose-editor [contenteditable]")
    words.fill("The coast road bridge is closed to all traffic.")
    reporter.get_by_label("From").fill("Bergen")
    snap(reporter, "post-typed")
    reporter.get_by_role("button", name="Post now").click()
    expect(reporter.locator(".messagelist")).to_contain_text("Posted")
    expect(reporter.locator(".live-posts-admin")).to_contain_text("Bridge closed")

    # The open page, never reloaded: it says how many, and does not move the posts.
    button = reader.get_by_role("button", name="1 new post")
    expect(button).to_be_visible(timeout=10_000)
    expect(reader.locator(".live-post")).to_have_count(1)
    snap(reader, "one-new-post")
    button.click()
    expect(reader.locator(".live-post")).to_have_count(2)
    first = reader.locator(".live-post").first
    expect(first).to_contain_text("The coast road bridge is closed to all traffic.")
    expect(first).to_contain_text("(Reporting by Rita Reporter in Bergen)")
    expect(first).to_be_focused()
    expect(reader.locator(".live-new")).to_be_hidden()
    check_accessible(reader)
    snap(reader, "new-post-shown")

    # The editor credits a colleague, found by a few letters in the search box, and pins
    # the post: the reader's key point leads to it.
    editor = signed_in(open_session, "editor")
    editor.goto(f"/admin/articles/article/{live_story.pk}/change/")
    editor.locator(".field-live-reporters .select2-selection").click()
    editor.locator(".select2-search__field").fill("ringst")
    editor.get_by_role("option", name="Anna Ringstrom").click()
    editor.locator("#live-post-form .prose-editor [contenteditable]").fill("Roads flooded.")
    snap(editor, "crediting-a-colleague")
    editor.get_by_role("button", name="Post now").click()
    expect(editor.locator(".live-posts-admin")).to_contain_text("(Reporting by Anna Ringstrom)")
    editor.locator(".live-post-admin", has_text="Bridge closed").get_by_role(
        "button", name="Pin as key point"
    ).click()
    expect(editor.locator(".messagelist")).to_contain_text("Pinned as a key point")
    reader.reload()
    reader.locator(".key-points").get_by_role("link", name=re.compile("Bridge closed")).click()
    expect(reader.locator(".live-post").filter(has_text="Bridge closed")).to_be_in_viewport()
    snap(reader, "key-point-followed")

    editor.once("dialog", lambda dialog: dialog.accept())
    editor.get_by_role("button", name="End live coverage").click()
    expect(editor.locator(".messagelist")).to_contain_text("Live coverage ended")
    expect(reader.locator(".live-ended")).to_contain_text("Live coverage has ended", timeout=10_000)
    snap(reader, "coverage-ended")
