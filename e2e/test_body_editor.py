"""
The body's editor in a real browser: a reporter writes a story block by block with the
toolbar (a subhead, a list, a link, a quote, a pull quote, a fact box, a picture chosen
from the media library, an embed), an editor opens it and saves it unchanged, and
readers and partners get every block. A body holding every element the sanitiser
allows is opened and saved without a byte changing. Screenshots of the editor with
each block, on a desk and on a phone.
"""

import json

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from articles.models import Article, Contributor, Section
from library.models import LibraryImage
from tests.factories import jpeg, library_picture

from .admin_pages import DESKTOP
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
