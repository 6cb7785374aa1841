"""How the shapes of ninjs are read: bodies, bylines and agencies, language tags, bad text."""

import json

import pytest

from articles.models import Article
from wire.dialects import body_content, language_tag, read_byline
from wire.importer import read_story, save_story
from wire.story import BadStory


def item(**fields):
    document = {
        "uri": "urn:partner:1",
        "type": "text",
        "headlines": [{"role": "main", "value": "Harbour reopens"}],
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Boats are back."}],
    }
    document.update(fields)
    return json.dumps(document).encode()


def test_body_is_chosen_html_then_xhtml_then_text():
    bodies = [
        {"contenttype": "text/plain", "value": "Plain."},
        {"contenttype": "application/xhtml+xml", "value": "<p>Xhtml.</p>"},
        {"contenttype": "text/html", "value": "<p>Html.</p>"},
    ]
    assert read_story(item(bodies=bodies), "x.json").html == "<p>Html.</p>"
    assert read_story(item(bodies=bodies[:2]), "x.json").html == "<p>Xhtml.</p>"
    assert read_story(item(bodies=bodies[:1]), "x.json").html == "<p>Plain.</p>"


def test_only_the_body_content_is_kept():
    document = (
        "<!DOCTYPE html><html><head><title>Page title</title><style>p{}</style></head>"
        '<body><h1>Harbour reopens</h1><section class="main"><p>Boats <span>are</span> '
        "back.</p>\n  <p>Nets too.</p></section></body></html>"
    )
    assert body_content(document) == "<p>Boats are back.</p><p>Nets too.</p>"
    assert body_content("<section>Loose text</section>") == "<p>Loose text</p>"


def test_ninjs_3_camel_case_html_is_markup_not_escaped_text(editor, section):
    bodies = [
        {
            "role": "main",
            "contentType": "text/html",
            "value": '<section class="main"><p>Boats.</p></section>',
        }
    ]
    story = read_story(item(bodies=bodies, pubStatus="withheld"), "x.json")
    assert story.html == "<p>Boats.</p>" and story.pubstatus == "withheld"
    article = save_story(story, editor).article
    assert article.body == "<p>Boats.</p>"


@pytest.mark.parametrize(
    "headline", ["urn:partner:1", "http://wire.example/items/1", "HARBOUR-REOPENS"]
)
def test_uri_or_slugline_is_never_a_headline(editor, section, headline):
    document = item(headlines=[{"value": headline}], slugline="HARBOUR-REOPENS")
    with pytest.raises(BadStory, match="no headline"):
        read_story(document, "x.json")
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("by", "people", "agency"),
    [
        ("Von Christian Beispiel, dpa", ["Christian Beispiel"], "dpa"),
        ("By Ann Lee and Bo Ek, Reuters", ["Ann Lee", "Bo Ek"], "Reuters"),
        ("NTB", [], "NTB"),
        ("The Associated Press", [], "AP"),
        ("By NORA FIELD", ["Nora Field"], ""),
        ("Eva Ström/TT", ["Eva Ström"], "TT"),
        ("Kari Dahl og Ola Berg, NTB", ["Kari Dahl", "Ola Berg"], "NTB"),
    ],
)
def test_byline_reads_people_and_agency(by, people, agency):
    assert read_byline(by) == (people, agency)


def test_agency_in_by_is_the_source_not_a_person(editor, section):
    story = read_story(item(by="NTB"), "x.json")
    assert story.infosource == "NTB"
    article = save_story(story, editor).article
    assert article.credit_tuples() == []
    assert "(Reporting by NTB)" not in article.credit_line


@pytest.mark.parametrize(
    ("sent", "tag"),
    [("nb-no", "nb-NO"), ("zh-hant-tw", "zh-Hant-TW"), ("SV", "sv"), ("en_GB", "en-GB"), ("?", "")],
)
def test_language_tags_keep_their_parts_in_usual_casing(sent, tag):
    assert language_tag(sent) == tag


@pytest.mark.parametrize(("sent", "language"), [("zh", "zh"), ("sv-SE", "sv"), ("nb-NO", "nb")])
def test_a_story_keeps_its_language_never_english(editor, section, sent, language):
    article = save_story(read_story(item(language=sent), "x.json"), editor).article
    assert article.language == language


def test_a_language_the_newsroom_does_not_list_is_kept_and_noted(editor, section):
    story = read_story(item(language="is-IS"), "x.json")
    assert (story.language, story.language_tag) == ("is", "is-IS")
    assert "“is-IS”, a language the newsroom does not list" in story.notes[0]


@pytest.mark.parametrize(
    "document",
    [
        '{"uri": "urn:x:\\ud800", "headlines": [{"value": "A"}], "bodies": [{"value": "B"}]}',
        '{"uri": "urn:x:1", "by": "Ann \\udfff", "headlines": [{"value": "A"}], "bodies": []}',
        '{"uri": "urn:x:1", "headlines": [{"value": "A\\u0000"}], "bodies": [{"value": "B"}]}',
        '{"uri": "urn:x:1", "k\\u0000": 1, "headlines": [{"value": "A"}]}',
    ],
)
def test_nul_or_lone_surrogate_anywhere_is_refused_with_a_reason(section, document):
    with pytest.raises(BadStory, match="NUL character|lone surrogate"):
        read_story(document.encode(), "x.json")


def test_kill_notice_is_read_without_headline_or_body():
    story = read_story(b'{"uri": "urn:x:1", "pubstatus": "canceled"}', "x.json")
    assert (story.pubstatus, story.source_id, story.html) == ("canceled", "urn:x:1", "")


def test_times_without_a_zone_are_utc_and_impossible_ones_ignored():
    story = read_story(
        item(versioncreated="2026-11-01T10:00:00", firstcreated="2026-02-30T10:00:00Z"), "x.json"
    )
    assert story.version_created.isoformat() == "2026-11-01T10:00:00+00:00"
    assert story.first_created is None


def test_fields_of_the_wrong_json_type_are_ignored_or_refused_never_a_crash():
    wrong = {
        "bylines": 1,
        "altids": -1,
        "renditions": "x",
        "associations": {"a": 1},
        "replaces": 5,
        "infosource": [],
        "pubstatus": [],
        "language": 7,
        "versioncreated": True,
    }
    story = read_story(item(**wrong), "x.json")
    assert (story.headline, story.pubstatus, story.language) == ("Harbour reopens", "usable", "")
    with pytest.raises(BadStory, match="no headline"):
        read_story(item(headlines=[], headline=1e308), "x.json")


def test_ninjs_3_embargo_is_read_under_its_3_name():
    story = read_story(item(embargoedUntil="2026-12-24T18:00:00Z"), "x.json")
    assert story.embargoed.isoformat() == "2026-12-24T18:00:00+00:00"
