import io
import json
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from articles.models import Article
from tests.factories import schema_errors, stored_picture
from wire.importer import read_story, save_story
from wire.story import BadStory, PictureItem

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "ninjs" / "examples-2.2"
CREDITS = [
    ("reporting", "Guy Faulconbridge", "Moscow", ""),
    ("reporting", "Gwladys Fouche", "Oslo", ""),
    ("translation", "Lina Golovnya", "", "fr"),
    ("editing", "Blandine Hénault", "", ""),
]
SEED_LINE = (
    "(Report Guy Faulconbridge in Moscow and Gwladys Fouche in Oslo; "
    "French version Lina Golovnya, edited by Blandine Hénault)"
)


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "navy").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="lead.png")


@pytest.fixture
def wire_story(publish):
    """A published story with all a ninjs item carries: dateline, standfirst, credits."""

    def make(credits=CREDITS, **fields):
        fields.setdefault("dateline_place", "MOSCOW")
        fields.setdefault("dateline_agency", "Reuters")
        fields.setdefault("standfirst", "A former commander says he fears for his life.")
        fields.setdefault(
            "body", "<p>A former commander fled.</p><p>“I’m afraid,” he said – twice.</p>"
        )
        return publish(credits=credits, **fields)

    return make


def ninjs(client, article):
    response = client.get(reverse("wire:ninjs", args=[article.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_published_article_as_ninjs_validates(client, wire_story):
    article = wire_story(headline="Ex-Wagner commander seeks asylum")
    article.lead_image = stored_picture(
        "lead.png",
        png(),
        caption="The border crossing at Storskog.",
        credit="Reuters/Lisi Niesner",
    )
    article.save()
    item = ninjs(client, article)
    assert schema_errors(item) == []
    assert item["uri"] == "http://testserver" + article.get_absolute_url()
    assert (item["type"], item["pubstatus"], item["language"]) == ("text", "usable", "en")
    assert item["headlines"][0]["value"] == "Ex-Wagner commander seeks asylum"
    assert item["descriptions"][0]["value"] == article.standfirst
    plain, rich = item["bodies"]
    assert plain["contenttype"] == "text/plain" and rich["contenttype"] == "text/html"
    assert (
        plain["value"]
        == "MOSCOW (Reuters) – A former commander fled.\n\n“I’m afraid,” he said – twice."
    )
    assert rich["value"] == article.body
    assert item["by"] == SEED_LINE
    assert item["infosources"][0]["name"] == "Guy Faulconbridge"
    assert [s["role"] for s in item["infosources"]] == [c[0] for c in CREDITS]
    assert "people" not in item
    assert item["located"] == "MOSCOW"
    assert item["subjects"] == [
        {
            "name": "World",
            "rel": "section",
            "uri": "http://testserver/section/world/",
            "literal": "world",
        }
    ]
    (image,) = item["associations"]
    assert image["descriptions"][0]["value"] == "The border crossing at Storskog."
    assert image["by"] == "Reuters/Lisi Niesner"
    assert image["uri"].startswith("http://testserver/media/library/")
    assert {"role": "newsroom", "value": str(article.pk)} in item["altids"]


def test_translation_names_its_original(client, wire_story, editor, section):
    original = wire_story(headline="Original")
    translation = original.create_translation(editor, "fr")
    translation.publish(editor)
    item = ninjs(client, translation)
    assert schema_errors(item) == []
    assert {"role": "translation-of", "value": "http://testserver/articles/article-1/"} in item[
        "altids"
    ]


def test_only_published_articles_are_exported(client, make_article, editor):
    draft = make_article(headline="Draft")
    assert client.get(reverse("wire:ninjs", args=[draft.slug])).status_code == 404
    draft.submit(editor)
    assert client.get(reverse("wire:ninjs", args=[draft.slug])).status_code == 404


def test_article_page_links_to_its_ninjs(client, wire_story):
    article = wire_story()
    page = client.get(article.get_absolute_url()).content.decode()
    link = reverse("wire:ninjs", args=[article.slug])
    assert f'<link rel="alternate" type="application/json" href="{link}">' in page


def test_our_own_export_imported_finds_its_article_and_changes_nothing(client, wire_story, editor):
    article = wire_story(language="en")
    exported = ninjs(client, article)
    result = save_story(read_story(json.dumps(exported).encode(), "ours.json"), editor)
    assert (result.article.pk, result.created) == (article.pk, False)
    assert Article.objects.count() == 1
    fresh = Article.objects.get()
    assert (fresh.revision, fresh.edit_token, fresh.credit_line) == (
        article.revision,
        article.edit_token,
        SEED_LINE,
    )


def test_export_then_import_elsewhere_is_lossless(client, wire_story, editor):
    article = wire_story(language="en")
    exported = ninjs(client, article)
    exported["altids"] = [a for a in exported["altids"] if a["role"] != "newsroom"]
    result = save_story(read_story(json.dumps(exported).encode(), "partner.json"), editor)
    copy = result.article
    assert result.created and copy.pk != article.pk
    assert copy.headline == article.headline
    assert copy.body == article.body
    assert copy.standfirst == article.standfirst
    assert copy.language == article.language
    assert (copy.dateline_place, copy.dateline_agency) == ("MOSCOW", "Reuters")
    assert copy.credit_tuples() == article.credit_tuples()
    assert copy.credit_line == SEED_LINE
    assert copy.section == article.section
    assert copy.notes == ""
    again = save_story(read_story(json.dumps(exported).encode(), "partner.json"), editor)
    assert again.article.pk == copy.pk and not again.created


def test_french_article_round_trips(client, wire_story, editor):
    article = wire_story(
        language="fr",
        dateline_place="PARIS",
        dateline_agency="AFP",
        credits=[("reporting", "Jean Dupont", "Paris", ""), ("editing", "Sophie Louet", "", "")],
    )
    exported = ninjs(client, article)
    assert exported["by"] == "(Reportage Jean Dupont à Paris, édité par Sophie Louet)"
    copy = save_story(read_story(json.dumps(exported).encode(), "fr.json"), editor).article
    assert (copy.language, copy.credit_line, copy.dateline_place) == (
        "fr",
        exported["by"],
        "PARIS",
    )


# ninjs from elsewhere

PICTURE_ONLY = {
    "uri": "http://agency.example/items/42",
    "type": "picture",
    "by": "Ann Photographer",
    "headlines": [{"value": "Harbour at dawn"}],
    "descriptions": [{"role": "text", "contenttype": "text/plain", "value": "Boats at dawn."}],
}


def test_picture_item_is_never_an_article(editor, section):
    with pytest.raises(PictureItem, match="is a picture, not a story") as refused:
        read_story(json.dumps(PICTURE_ONLY).encode(), "picture.json")
    picture = refused.value.picture
    assert (picture.title, picture.caption, picture.photographer) == (
        "Harbour at dawn",
        "Boats at dawn.",
        "Ann Photographer",
    )
    assert Article.objects.count() == 0


def test_text_item_without_body_is_refused(editor, section):
    item = {**PICTURE_ONLY, "type": "text"}
    with pytest.raises(BadStory, match="“Harbour at dawn” has no body"):
        read_story(json.dumps(item).encode(), "text.json")


def test_item_without_uri_is_refused(editor, section):
    with pytest.raises(BadStory, match="uri"):
        read_story(b'{"headlines": [{"value": "No id"}]}', "x.json")
    with pytest.raises(BadStory, match="not valid JSON"):
        read_story(b'{"uri": ', "x.json")


@pytest.mark.parametrize(
    "name",
    [
        "001_simple_example.json",
        "002_renditions_example.json",
        "003_associations_example.json",
        "004_simple_text_article.json",
        "005_complex_text_article.json",
        "006_photo_only.json",
        "007_multimedia.json",
    ],
)
def test_iptc_examples_import(editor, section, name):
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip("IPTC ninjs examples are not beside the project")
    item = json.loads(path.read_text())
    if item.get("type") == "picture":
        with pytest.raises(PictureItem):
            read_story(path.read_bytes(), name)
        return
    if "headlines" not in item:
        # Renditions only: no headline and no text, so no story; the uri never stands in.
        with pytest.raises(BadStory, match="no headline"):
            read_story(path.read_bytes(), name)
        return
    article = save_story(read_story(path.read_bytes(), name), editor).article
    assert article.source_id == item["uri"]
    assert article.status == Article.Status.REVIEW
    assert article.headline == item["headlines"][0]["value"]
    assert article.body.startswith("<p>")
    if "Paulo Santalucia" in item.get("by", ""):
        assert article.credits.filter(contributor__name="Paulo Santalucia").exists()
    if "GROSSETO" in json.dumps(item.get("bodies", [])):
        assert (article.dateline_place, article.dateline_agency) == ("GROSSETO, Italy", "AP")
        assert "GROSSETO" not in article.body
        assert article.body.startswith("<p>The trial of the captain")


def test_infosources_stand_in_for_a_credit_line(editor, section):
    item = {
        "uri": "urn:partner:7",
        "language": "fr",
        "by": 42,  # not text: ignored rather than trusted
        "headlines": [{"value": "Le port au petit matin"}],
        "bodies": [{"value": "MARSEILLE (AFP) – Les bateaux rentrent.\n\nLe port s’éveille."}],
        "infosources": [
            {"name": "Jean Dupont", "role": "reporting"},
            {"name": "Claire Martin", "role": "translation"},
            {"name": "Agence", "role": "http://cv.iptc.org/newscodes/infosourcerole/originfo"},
        ],
        "associations": ["not an object"],
    }
    article = save_story(read_story(json.dumps(item).encode(), "partner.json"), editor).article
    assert article.credit_tuples() == [
        ("reporting", "Jean Dupont", "", ""),
        ("translation", "Claire Martin", "", "fr"),
    ]
    assert article.credit_line == "(Reportage Jean Dupont; version française Claire Martin)"
    assert (article.dateline_place, article.dateline_agency) == ("MARSEILLE", "AFP")
    assert article.body == "<p>Les bateaux rentrent.</p><p>Le port s’éveille.</p>"
