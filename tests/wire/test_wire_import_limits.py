"""
Wire input that does not fit: ninjs of the wrong shape is refused with a reason, by the
command and the import page; texts too long for their fields are cut and kept whole in
the notes, and a name too long for any contributor is left for a person to check.
"""

import json

import pytest
from django.core.management import CommandError
from django.urls import reverse

from articles.models import Article
from tests.wire.wire_copy import import_story


def ninjs_item(**fields):
    item = {
        "uri": "urn:partner:story-1",
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": "Port strike ends"}],
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Dockers returned."}],
    }
    item.update(fields)
    return json.dumps(item)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (ninjs_item(bodies=[{"contenttype": None, "value": "x"}]), "“contenttype” must be text"),
        (ninjs_item(bodies=[{"contenttype": 5, "value": "x"}]), "“contenttype” must be text"),
        (ninjs_item(headlines=[{"role": ["main"], "value": "x"}]), "“role” must be text"),
        ('{"uri": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ('{"uri": "x", "version": ' + "9" * 5000 + "}", "not valid JSON"),
    ],
)
def test_ninjs_of_the_wrong_shape_is_refused_with_a_reason(section, story_file, text, message):
    with pytest.raises(CommandError, match=message):
        import_story(story_file(text, name="item.json"))
    assert not Article.objects.exists()


@pytest.mark.parametrize("associations", [1.0, "post-1", [None, 3, "x"]])
def test_associations_that_are_not_objects_are_left_out(section, story_file, associations):
    import_story(story_file(ninjs_item(associations=associations), name="item.json"))
    article = Article.objects.get()
    assert article.headline == "Port strike ends"


def test_the_import_page_refuses_it_too(client, editor, section):
    client.force_login(editor)
    text = ninjs_item(bodies=[{"contenttype": None, "value": "x"}])
    response = client.post(reverse("wire:import"), {"text": text})
    assert response.status_code == 200
    assert "“contenttype” must be text, not null. Nothing was imported." in (
        response.content.decode().replace("&quot;", '"')
    )


def test_texts_too_long_for_their_fields_are_cut_and_kept_whole_in_a_note(section, story_file):
    caption, place, photographer = "Dockers at the gate. " * 238 + "Done.", "P" * 300, "Photo " * 50
    text = ninjs_item(
        headlines=[{"role": "main", "value": "Strike " * 60}],
        located=place,
        infosources=[
            {"name": "N" * 300, "role": "reporting"},
            {"name": "Ann One", "role": "editing"},
        ],
        associations=[
            {
                "type": "picture",
                "uri": "urn:partner:picture-1",
                "by": photographer,
                "descriptions": [{"role": "caption", "value": caption}],
            }
        ],
    )
    import_story(story_file(text, name="item.json"))
    article = Article.objects.get()
    assert len(article.headline) <= 250 and article.headline.startswith("Strike Strike")
    caption = caption.strip()
    assert len(article.dateline_place) == 100
    assert [name for _, name, _, _ in article.credit_tuples()] == ["Ann One"]
    # The picture is not fetched: what was said of it waits in the notes, whole.
    assert f"Lead picture sent with the story (not imported), caption: {caption}" in article.notes
    assert photographer.strip() in article.notes and article.lead_image is None
    assert f"“{'N' * 300}” was not credited: " in article.notes  # no name is that long


def test_a_credit_footer_naming_no_one_that_fits_leaves_the_credit_out(section, story_file):
    long_name = "Ann " + "Onewordname " * 30
    out, err = import_story(
        story_file(footer=f"(Reporting by {long_name.strip()}; Editing by Ed Itor)")
    )
    article = Article.objects.get()
    assert [name for _, name, _, _ in article.credit_tuples()] == ["Ed Itor"]
    # No name is that long: the group is kept as sent, for a person to check.
    assert article.credits_to_check.startswith("Reporting by Ann Onewordname")
    assert "credits need checking" in err
