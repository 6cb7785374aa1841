"""
Every shape of ninjs the newsroom is sent, end to end: IPTC's 1.4, 2.1, 2.2 and 3.0
layouts, Superdesk's dialect, content-API wrappers and the agencies' own (AP, dpa, NTB,
TT, Business Wire). The documents in corpus/ have the real ones' layout and our own
text. Each one gives a full story in its language, or a picture, or a refusal that
says why: never a story with an empty body or a uri for a headline.
"""

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError

from articles.html import html_to_text
from articles.models import Article
from library.models import LibraryImage
from tests.wire.test_ninjs import png
from tests.wire.wire_copy import import_story
from wire.importer import read_story
from wire.models import InboxFile
from wire.ninjs_read import parse_ninjs_items
from wire.pictures import save_picture
from wire.story import BadStory, PictureItem, Story, WirePicture

CORPUS = Path(__file__).parent / "corpus"

# name: (headline, article language, tag as sent, first words, people credited, agency)
STORIES = {
    "iptc-1.4-simple.json": (
        "Island ferry runs again after storm repairs",
        "en",
        "en-GB",
        "The island ferry sailed",
        ["Mari Lund"],
        "",
    ),
    "iptc-1.4-complex.json": (
        "Old river bridge reopens to walkers",
        "en",
        "en",
        "The old footbridge opened again on Monday, two years",
        ["Tom Reed", "Una Holt"],
        "Reuters",
    ),
    "iptc-2.1-text.json": (
        "Zoo zeigt zwei junge Pandas",
        "de",
        "de",
        "Die beiden Jungtiere",
        ["Jana Beispiel"],
        "dpa",
    ),
    "iptc-2.1-html5.json": (
        "Nytt bibliotek öppnar i hamnen",
        "sv",
        "sv",
        "Det nya biblioteket",
        ["Eva Ström"],
        "TT",
    ),
    "iptc-2.2-text.json": (
        "Lysløypa åpner før helgen",
        "nb",
        "nb-NO",
        "Kommunen har kjørt opp løypa.",
        ["Kari Dahl"],
        "NTB",
    ),
    "iptc-3.0-text.json": (
        "茶園迎來豐收季",
        "zh",
        "zh-Hant-TW",
        "山上的茶農開始採茶。",
        ["Lin Mei"],
        "Wire Example",
    ),
    "superdesk-text.json": (
        "Market hall gets a new roof",
        "en",
        "en",
        "The city will replace",
        ["Sam Ortiz"],
        "",
    ),
    "superdesk-embargoed.json": (
        "School results improve in every district",
        "en",
        "en",
        "Pupils did better",
        ["Sam Ortiz"],
        "",
    ),
    "ap-text-body.json": (
        "Harbor path lamps arrive early",
        "en",
        "en-US",
        "The lamps for the harbor path",
        ["Nora Field"],
        "AP",
    ),
    "dpa.json": (
        "Stadtbahn fährt wieder nach Plan",
        "de",
        "de",
        "Die Stadtbahn fährt",
        ["Karl Muster"],
        "dpa",
    ),
    "ntb.json": ("Første snø i byen", "nb", "nb-NO", "Det snødde i natt", [], "NTB"),
    "tt.json": ("Fler cyklar i stan", "sv", "sv", "Fler cyklar än någonsin", [], "TT"),
    "businesswire.json": (
        "Example Widgets Opens a Plant in Springfield",
        "en",
        "en",
        "Example Widgets said today",
        [],
        "Business Wire",
    ),
}
# name: (title, caption, photographer, agency)
PICTURES = {
    "iptc-2.1-picture.json": (
        "Pandaer i snøen",
        "To pandaunger leker i snøen.",
        "Ane Viken",
        "NTB",
    ),
    "superdesk-picture.json": (
        "Fishing boats at the pier",
        "Boats tied up at the north pier before the storm.",
        "Lea Park",
        "",
    ),
    "ap-picture.json": (
        "Harbor path at night",
        "The harbor path lit for the first time.",
        "Rob Stone",
        "",
    ),
}
REFUSALS = {
    "ap-text.json": "has no body (it is only linked, as the “nitf” rendition)",
    "refused-no-body.json": "“A headline and nothing else” has no body",
    "refused-superdesk-slugline-only.json": "no headline",
    "refused-surrogate.json": "lone surrogate",
    "refused-nul.json": "NUL character",
    "refused-video.json": "a video item; only text stories and pictures are imported",
}
WRAPPERS = {"content-api-wrapper.json": [Story, WirePicture]}


def test_every_document_of_the_corpus_is_tested():
    tested = {*STORIES, *PICTURES, *REFUSALS, *WRAPPERS}
    assert {path.name for path in CORPUS.glob("*.json")} == tested


@pytest.mark.parametrize("name", STORIES)
def test_text_item_becomes_a_full_story_in_its_language(section, name):
    headline, language, tag, opening, people, agency = STORIES[name]
    story = read_story((CORPUS / name).read_bytes(), name)
    assert (story.language, story.language_tag, story.infosource) == (language, tag, agency)
    out, err = import_story(str(CORPUS / name))
    article = Article.objects.get()
    assert article.headline == headline
    assert article.language == language
    text = html_to_text(article.body)
    assert text.startswith(opening)
    # Only the body: no document head, no headline again, no markup shown as text.
    assert headline not in text and "<" not in text and "&lt;" not in article.body
    assert [credit[1] for credit in article.credit_tuples()] == people
    assert agency == "" or agency not in [c[1] for c in article.credit_tuples()]
    # The agency is the story's source, kept with what the wire said of it.
    assert agency == "" or article.wire_story.agency == agency
    assert article.wire_story.language_tag == tag  # as the agency wrote it


def test_wire_times_and_embargo_are_read():
    story = read_story((CORPUS / "superdesk-embargoed.json").read_bytes(), "x.json")
    assert story.embargoed == datetime(2026, 11, 9, tzinfo=UTC)
    assert story.version_created == datetime(2026, 11, 8, 6, tzinfo=UTC)
    camel = read_story((CORPUS / "iptc-3.0-text.json").read_bytes(), "x.json")
    assert (camel.first_created, camel.version_created, camel.pubstatus) == (
        datetime(2026, 11, 6, 1, tzinfo=UTC),
        datetime(2026, 11, 6, 2, tzinfo=UTC),
        "usable",
    )


@pytest.mark.parametrize("name", PICTURES)
def test_picture_item_is_a_picture_never_an_article(section, name):
    title, caption, photographer, agency = PICTURES[name]
    with pytest.raises(PictureItem, match="is a picture, not a story") as refused:
        read_story((CORPUS / name).read_bytes(), name)
    picture = refused.value.picture
    assert (picture.title, picture.caption, picture.photographer) == (title, caption, photographer)
    assert picture.infosource == agency and picture.href
    with pytest.raises(CommandError, match="is a picture, not a story"):
        import_story(str(CORPUS / name))
    assert not Article.objects.exists()


def test_picture_with_its_file_beside_it_goes_to_the_media_library(db, tmp_path, editor):
    shutil.copy(CORPUS / "iptc-2.1-picture.json", tmp_path)
    (tmp_path / "panda.jpg").write_bytes(png().read())
    (picture,) = parse_ninjs_items((tmp_path / "iptc-2.1-picture.json").read_text(), "p.json")
    image = save_picture(picture, tmp_path, editor)
    assert image.caption == "To pandaunger leker i snøen."
    assert image.photographer.name == "Ane Viken"
    assert image.source_id == "http://wire.example/items/2026-1103-panda-photo"
    assert image.file.name.startswith("library/")
    again = save_picture(picture, tmp_path, editor)
    assert again.pk == image.pk and LibraryImage.objects.count() == 1
    assert not Article.objects.exists()


def test_picture_only_linked_from_the_web_is_refused(db, tmp_path):
    (picture,) = parse_ninjs_items((CORPUS / "superdesk-picture.json").read_text(), "p.json")
    with pytest.raises(BadStory, match="pictures are not fetched from the web"):
        save_picture(picture, tmp_path)
    outside = tmp_path / "outside.png"
    outside.write_bytes(png().read())
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "pier.jpg").symlink_to(outside)  # a link out of the folder is not followed
    picture.renditions = [("original", "pier.jpg"), ("up", "../outside.png")]
    with pytest.raises(BadStory, match="came without its file"):
        save_picture(picture, folder)
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize("name", REFUSALS)
def test_refusals_say_why(section, name):
    with pytest.raises(BadStory, match=REFUSALS[name].replace("(", r"\(").replace(")", r"\)")):
        read_story((CORPUS / name).read_bytes(), name)
    with pytest.raises(CommandError, match="Nothing was imported"):
        import_story(str(CORPUS / name))
    assert not Article.objects.exists()


def test_wrapper_yields_each_item():
    results = parse_ninjs_items((CORPUS / "content-api-wrapper.json").read_text(), "w.json")
    assert [type(r) for r in results] == WRAPPERS["content-api-wrapper.json"]
    assert results[0].headline == "Park gets a thousand new trees"
    assert results[1].caption == "Volunteers with spades."
    # Read as a single story, a wrapper of several is refused, saying what it is.
    with pytest.raises(BadStory, match="wrapping 2 items"):
        read_story((CORPUS / "content-api-wrapper.json").read_bytes(), "w.json")


def test_one_bad_item_of_a_wrapper_does_not_stop_the_others():
    document = json.loads((CORPUS / "content-api-wrapper.json").read_text())
    document["item"].insert(0, {"uri": "urn:x:1", "type": "text", "headlines": []})
    results = parse_ninjs_items(json.dumps(document), "w.json")
    assert isinstance(results[0], BadStory) and "item 1 of 3: no headline" in str(results[0])
    assert [type(r) for r in results[1:]] == [Story, WirePicture]


def test_wrapper_through_the_inbox_gives_its_story_and_refuses_a_picture_it_only_links(
    inbox, run_inbox
):
    shutil.copy(CORPUS / "content-api-wrapper.json", inbox)
    run_inbox()
    story, picture = InboxFile.objects.order_by("item")
    assert (story.item, story.outcome) == (1, "imported")
    assert story.article.headline == "Park gets a thousand new trees"
    assert (picture.item, picture.outcome) == (2, "refused")
    assert "“Planting day” came without its file" in picture.reason
    assert "pictures are not fetched from the web" in picture.reason
    assert Article.objects.count() == 1 and not LibraryImage.objects.exists()
    # Something of it was taken: the file is kept in done/, both rows say so.
    assert story.kept_as == picture.kept_as == "done/content-api-wrapper.json"


def test_wrapper_through_the_inbox_puts_its_picture_in_the_library(inbox, run_inbox):
    document = json.loads((CORPUS / "content-api-wrapper.json").read_text())
    document["item"][1]["renditions"][0]["href"] = "park.jpg"
    (inbox / "park.json").write_text(json.dumps(document))
    (inbox / "park.jpg").write_bytes(png().read())
    run_inbox()
    outcomes = list(InboxFile.objects.order_by("item").values_list("item", "outcome"))
    assert outcomes == [(1, "imported"), (2, "picture")]
    image = LibraryImage.objects.get()
    assert (image.caption, image.photographer.name) == ("Volunteers with spades.", "Ida Lake")
    assert image.source_id == "http://api.example/items/park-photo-1"
    assert Article.objects.get().headline == "Park gets a thousand new trees"
    assert (inbox / "done" / "park.jpg").exists() and not (inbox / "park.jpg").exists()


def test_one_bad_item_of_a_wrapper_through_the_inbox_does_not_stop_the_other(inbox, run_inbox):
    document = json.loads((CORPUS / "content-api-wrapper.json").read_text())
    no_body = {"uri": "urn:x:empty", "type": "text", "headlines": [{"value": "Empty one"}]}
    document["item"] = [no_body, document["item"][0]]
    (inbox / "two.json").write_text(json.dumps(document))
    run_inbox()
    refused, imported = InboxFile.objects.order_by("item")
    assert refused.outcome == "refused" and refused.article is None
    assert "two.json, item 1 of 2: “Empty one” has no body" in refused.reason
    assert (imported.outcome, imported.article.headline) == (
        "imported",
        "Park gets a thousand new trees",
    )
    assert str(refused) == "two.json, item 1"


def test_a_wrapper_of_which_nothing_is_taken_goes_to_failed_and_again_is_a_duplicate(
    inbox, run_inbox
):
    document = json.loads((CORPUS / "content-api-wrapper.json").read_text())
    del document["item"][0]["bodies"]
    (inbox / "w.json").write_text(json.dumps(document))
    run_inbox()
    assert set(InboxFile.objects.values_list("outcome", flat=True)) == {"refused"}
    assert "has no body" in (inbox / "failed" / "w.json.reason.txt").read_text()
    assert not Article.objects.exists()

    shutil.copy(CORPUS / "content-api-wrapper.json", inbox / "w.json")
    run_inbox()
    shutil.copy(CORPUS / "content-api-wrapper.json", inbox / "w-again.json")
    run_inbox()
    again = InboxFile.objects.get(name="w-again.json")
    assert (again.item, again.outcome) == (0, "duplicate")
    assert Article.objects.count() == 1
