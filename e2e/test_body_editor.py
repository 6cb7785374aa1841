"""
The body's editor in a real browser: a reporter writes a story block by block with the
toolbar (a subhead, a list, a link, a quote, a pull quote, a fact box, a picture chosen
from the media library, an embed), an editor opens it and saves it unchanged, and
readers and partners get every block. A body holding every element the sanitiser
allows is opened and saved without a byte changing. Screenshots of the editor with
each block, on a desk and on a phone.
"""

import json
import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from articles.html import ALLOWED_TAGS
from articles.models import Article, Contributor, Section
from library.models import LibraryImage
from tests.factories import jpeg, library_picture

from .admin_pages import DESKTOP, PHONE, sideways_overflow
from .browser import assert_accessible
from .conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EMBED = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
LINK = "https://example.org/timetables"


@pytest.fixture
def newsroom(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    people = {}
    for username, group in [("reporter", "Reporters"), ("editor", "Editors")]:
        user = User.objects.create_user(username, f"{username}@example.com", PASSWORD)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=group))
        people[username] = user
    section = Section.objects.create(name="Europe", slug="europe")
    photographer = Contributor.objects.create(name="Mari Lens", slug="mari-lens")
    cranes = LibraryImage(
        caption="Cranes over the container quay at dusk",
        alt_text="Three cranes against an orange sky",
        photographer=photographer,
    )
    cranes.file.save("cranes.jpg", jpeg(1600, 900, colour=(200, 120, 40)), save=False)
    cranes.save()
    library_picture(caption="Snow on the border fence", alt_text="A fence in the snow")
    return {"people": people, "section": section, "cranes": cranes}


def signed_in(open_session, who, viewport=DESKTOP):
    page = open_session(who)
    page.set_viewport_size(viewport)
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(who)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="My desk")).to_be_visible()
    return page


def editing(page, path):
    """The page at ``path``, its body's editor within reach as ``window.bodyEditor``."""
    page.add_init_script(
        "document.addEventListener('prose-editor:ready',"
        " (event) => { window.bodyEditor = event.detail.editor; })"
    )
    page.goto(path)
    page.wait_for_function("() => window.bodyEditor")


def selection_settled(page, empty=True):
    """The editor has caught up with a selection the browser made (End, a double click):
    it reads it a moment later, and a key or button before that acts on the old one."""
    test = "" if empty else "!"
    page.wait_for_function(f"() => {test}window.bodyEditor.state.selection.empty")


def toolbar(page, name):
    return page.locator("#article_form .prose-menubar").get_by_role("button", name=name, exact=True)


def body_of(page):
    return page.locator("#article_form .prose-editor .ProseMirror[contenteditable=true]")


def write_every_block(page):
    """The story, block by block, with the toolbar's buttons and the keyboard."""
    body = body_of(page)
    body.click()
    page.keyboard.type("The container port reopened on Monday after the strike.")
    page.keyboard.press("Enter")
    toolbar(page, "H2 subhead (level 2)").click()
    page.keyboard.type("Back at work")
    page.keyboard.press("Enter")
    toolbar(page, "Bulleted list").click()
    page.keyboard.type("Cranes")
    page.keyboard.press("Enter")
    page.keyboard.type("Ferries")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an empty item leaves the list
    page.keyboard.type("Timetables")
    page.keyboard.press("Shift+Home")
    selection_settled(page, empty=False)
    toolbar(page, "Link").click()
    dialog = page.locator("dialog[open]")
    dialog.get_by_label("URL").fill(LINK)
    dialog.get_by_role("button", name="Update").click()
    page.keyboard.press("End")
    selection_settled(page)
    page.keyboard.press("Enter")
    toolbar(page, "Quote").click()
    page.keyboard.type("We lost three weeks of work.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an empty paragraph leaves the quote
    page.keyboard.type("Nobody wins a strike.")
    toolbar(page, "Pull quote").click()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    toolbar(page, "Fact box").click()
    page.keyboard.type("The strike")  # over the title, selected as the box comes
    body.locator("aside.fact-box li").click(click_count=3)
    page.keyboard.type("Began on 3 March")
    page.keyboard.press("Enter")
    page.keyboard.type("Ended on 24 March")
    # Enter on an empty item leaves the list, on an empty line the box.
    for _ in range(3):
        page.keyboard.press("Enter")
    toolbar(page, "Picture from the media library").click()
    chooser = page.locator("dialog.picture-chooser")
    expect(chooser.locator(".picture-chooser-pick")).to_have_count(2)
    chooser.get_by_label("Search by caption").fill("cranes")
    chooser.get_by_role("button", name="Search").click()
    expect(chooser.locator(".picture-chooser-pick")).to_have_count(1)
    assert_accessible(page)  # the chooser open over the page
    chooser.locator(".picture-chooser-pick img").click()
    expect(body.locator("figure.body-picture figcaption")).to_contain_text("Photo: Mari Lens")
    toolbar(page, "Embed a video or a post by its address").click()
    dialog = page.locator("dialog[open]")
    dialog.get_by_label("Address of the video or post").fill(EMBED)
    dialog.get_by_role("button", name="Embed").click()
    expect(body.locator("figure.embed")).to_contain_text("YouTube video")


def test_a_story_written_with_every_block_reaches_readers_and_partners(
    newsroom, open_session, snap, screenshot_dir
):
    page = signed_in(open_session, "reporter")
    editing(page, "/admin/articles/article/add/")
    page.get_by_label("Headline").fill("Container port reopens after strike")
    page.locator("#id_section").select_option(label="Europe")
    write_every_block(page)
    snap(page, "every-block-written")
    page.get_by_role("button", name="Save and keep editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    story = Article.objects.get(headline="Container port reopens after strike")
    cranes = newsroom["cranes"].pk
    assert story.body == (
        "<p>The container port reopened on Monday after the strike.</p>"
        "<h2>Back at work</h2>"
        "<ul><li>Cranes</li><li>Ferries</li></ul>"
        f'<p><a href="{LINK}">Timetables</a></p>'
        "<blockquote><p>We lost three weeks of work.</p></blockquote>"
        '<blockquote class="pull-quote"><p>Nobody wins a strike.</p></blockquote>'
        '<aside class="fact-box"><h2>The strike</h2>'
        "<ul><li>Began on 3 March</li><li>Ended on 24 March</li></ul></aside>"
        f'<figure data-image="{cranes}"></figure>'
        f"<p>{EMBED}</p>"
    )
    written = story.body

    editor = signed_in(open_session, "editor")
    editing(editor, f"/admin/articles/article/{story.pk}/change/")
    expect(body_of(editor).locator("figure.body-picture img")).to_be_visible()
    # The editor reads every block as it was written: an edit anywhere keeps the rest.
    assert editor.evaluate("() => window.bodyEditor.getHTML()") == written
    editor.get_by_role("button", name="Save and keep editing").click()
    expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")
    story.refresh_from_db()
    assert story.body == written
    editor.get_by_role("button", name="Save and publish").click()
    expect(editor.locator(".messagelist")).to_contain_text("is now published")
    story.refresh_from_db()
    assert story.body == written

    reader = open_session("reader")
    reader.set_viewport_size(DESKTOP)
    reader.goto(story.get_absolute_url())
    text = reader.locator(".article-body")
    expect(text.get_by_role("heading", level=2, name="Back at work")).to_be_visible()
    expect(text.locator("ul li").first).to_have_text("Cranes")
    expect(text.get_by_role("link", name="Timetables")).to_have_attribute("href", LINK)
    expect(text.locator("blockquote:not(.pull-quote)")).to_have_text("We lost three weeks of work.")
    expect(text.locator("blockquote.pull-quote")).to_have_text("Nobody wins a strike.")
    expect(text.locator("aside.fact-box h2")).to_have_text("The strike")
    expect(text.locator("aside.fact-box li")).to_have_text(
        ["Began on 3 March", "Ended on 24 March"]
    )
    figure = text.locator("figure.body-picture")
    expect(figure.locator("img")).to_have_attribute("alt", "Three cranes against an orange sky")
    expect(figure.locator("figcaption")).to_contain_text("Cranes over the container quay")
    expect(figure.locator(".photo-credit")).to_contain_text("Mari Lens")
    expect(text.locator("figure.embed")).to_contain_text("YouTube video")
    # On a desk the fact box stands beside the text: the picture after it narrows to the
    # room left, never drawn under the box nor pushed below it, leaving a hole.
    expect(figure.locator("img")).to_be_visible()
    box = text.locator("aside.fact-box").bounding_box()
    picture = figure.bounding_box()
    assert not overlap(box, picture)
    assert picture["y"] < box["y"] + box["height"]
    snap(reader, "published-story")

    # Partners get the picture among the story's associations, and the embed as a link.
    ninjs = json.loads(reader.request.get(f"/articles/{story.slug}/ninjs.json").text())
    (picture,) = ninjs["associations"]
    assert picture["type"] == "picture"
    assert picture["uri"].endswith(newsroom["cranes"].file.url)
    assert picture["by"] == "Mari Lens"
    assert {
        "role": "caption",
        "contenttype": "text/plain",
        "value": "Cranes over the container quay at dusk",
    } in picture["descriptions"]
    richtext = next(b["value"] for b in ninjs["bodies"] if b["role"] == "richtext")
    assert f'<a href="{EMBED}">{EMBED}</a>' in richtext.replace("&amp;", "&")


def overlap(one, other):
    """Whether two boxes on the page share any pixel."""
    return (
        one["x"] < other["x"] + other["width"]
        and other["x"] < one["x"] + one["width"]
        and one["y"] < other["y"] + other["height"]
        and other["y"] < one["y"] + one["height"]
    )


def every_allowed_block(picture):
    """Bodies holding every element the sanitiser allows, each as the site uses it: the
    first for the editor, the second what only the HTML box shows (a captioned figure)."""
    in_the_editor = (
        "<p>Words <strong>strong</strong>, <em>stressed</em>, <b>bold</b> and <i>italic</i>,"
        "<br>on a new line.</p>"
        "<h2>A subhead</h2><h3>A smaller one</h3><h4>The smallest</h4>"
        '<p>See <a href="https://example.org/report" title="The report">the report</a>.</p>'
        '<blockquote cite="https://example.org/said"><p>We will reopen.</p></blockquote>'
        '<p>She said <q cite="https://example.org/q">never</q> to <cite>Le Monde</cite>.</p>'
        "<ul><li>One</li><li>Two</li></ul>"
        "<ol><li><p>First</p></li><li><p>Second</p></li></ol>"
        '<blockquote class="pull-quote"><p>Nobody wins a strike.</p></blockquote>'
        '<aside class="fact-box"><h2>The strike</h2><ul><li>Three weeks</li></ul></aside>'
        f'<figure data-image="{picture.pk}"></figure>'
        f"<p>{EMBED}</p>"
        "<p>The end.</p>"
    )
    in_the_html_box = (
        "<figure><blockquote><p>We will reopen.</p></blockquote>"
        "<figcaption>The harbour master</figcaption></figure>"
    )
    return in_the_editor, in_the_html_box


def test_a_body_with_every_allowed_block_is_kept_byte_for_byte(newsroom, open_session, snap):
    in_the_editor, in_the_html_box = every_allowed_block(newsroom["cranes"])
    tags = set(re.findall(r"<(\w+)", in_the_editor + in_the_html_box))
    assert tags == ALLOWED_TAGS, "a block the sanitiser allows is missing here"
    story = Article.objects.create(
        headline="Every block", slug="every-block", section=newsroom["section"], body=in_the_editor
    )
    boxed = Article.objects.create(
        headline="A captioned quote",
        slug="boxed",
        section=newsroom["section"],
        body=in_the_html_box,
    )
    assert (story.body, boxed.body) == (
        in_the_editor,
        in_the_html_box,
    )  # as the sanitiser keeps them

    page = signed_in(open_session, "editor")
    editing(page, f"/admin/articles/article/{story.pk}/change/")
    body = body_of(page)
    expect(body.locator("figure.body-picture img")).to_be_visible()
    # Read and written back by the editor itself, not only kept by the server.
    assert page.evaluate("() => window.bodyEditor.getHTML()") == in_the_editor
    page.get_by_role("button", name="Save and keep editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    story.refresh_from_db()
    assert story.body == in_the_editor

    # One word typed at the very end: that word is the only change.
    body.locator("p", has_text="The end.").click()
    page.keyboard.press("End")
    selection_settled(page)
    page.keyboard.type(" Really.")
    page.get_by_role("button", name="Save and keep editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    story.refresh_from_db()
    assert story.body == in_the_editor.replace("The end.", "The end. Really.")

    page.goto(f"/admin/articles/article/{boxed.pk}/change/")
    expect(page.locator("#article_form textarea[name=body]")).to_be_visible()
    page.get_by_role("button", name="Save and keep editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    boxed.refresh_from_db()
    assert boxed.body == in_the_html_box


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_editor_draws_each_block_as_readers_see_it(
    newsroom, open_session, snap, screenshot_dir, check_accessible, width
):
    in_the_editor, _ = every_allowed_block(newsroom["cranes"])
    story = Article.objects.create(
        headline="Every block", slug="every-block", section=newsroom["section"], body=in_the_editor
    )
    page = signed_in(open_session, "editor", DESKTOP if width == "desktop" else PHONE)
    editing(page, f"/admin/articles/article/{story.pk}/change/")
    body = body_of(page)
    expect(body.locator("figure.body-picture img")).to_be_visible()
    expect(body.locator("figure.body-picture figcaption")).to_contain_text("Photo: Mari Lens")
    body.scroll_into_view_if_needed()
    snap(page, f"editor-every-block-{width}")
    page.locator("#article_form .prose-editor").screenshot(
        path=screenshot_dir / f"editor-every-block-{width}-body.png"
    )
    assert sideways_overflow(page) <= 0
    check_accessible(page)
