"""
Which story a file is (the agency's id first, agency and headline last), and the agency's
trailers after a story, which are never its credit footer.
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from reversion.models import Version

from articles.models import Article, Contributor
from wire.importer import read_story, save_story

pytestmark = pytest.mark.django_db

BODY = "OSLO (Reuters) – Ministers met on Monday.\n\nThey agreed on little."
FOOTER = "(Reporting by Ann Lee in Oslo; Editing by Bo Ek)"


def wire(headline, top="", body=BODY, after=""):
    return f"{top}{headline}\n\n{body}\n\n{FOOTER}\n\n{after}".encode()


def imported(data, by, name="story.txt"):
    return save_story(read_story(data, name), by)


def test_an_update_with_a_new_headline_is_the_same_story_by_its_id_line(section, editor):
    first = imported(wire("Ministers meet", "ID: nL8N31K0AB\n"), editor)
    again = imported(wire("UPDATE 1-Ministers agree on little", "ID: nL8N31K0AB\n"), editor)
    assert (again.article.pk, again.created) == (first.article.pk, False)
    article = Article.objects.get()
    assert article.headline == "UPDATE 1-Ministers agree on little"
    assert article.slug == "ministers-meet"  # the address readers have stays
    assert Version.objects.get_for_object(article).first().revision.comment == (
        "Updated from the wire."
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("SLUG: NORWAY-MINISTERS/\n", "SLUG: NORWAY-MINISTERS/\n"),
        ("NORWAY-MINISTERS/TALKS\n", "NORWAY-MINISTERS/TALKS (UPDATE 2)\n"),
        ("Slugline: norway-talks\n", "Slugline: norway-talks\n"),
    ],
)
def test_a_slug_line_also_names_the_story(section, editor, first, second):
    one = imported(wire("Ministers meet", first), editor).article
    two = imported(wire("Ministers agree on little", second), editor).article
    assert one.pk == two.pk and Article.objects.count() == 1
    assert two.headline == "Ministers agree on little"


def test_without_an_id_agency_and_headline_name_the_story(section, editor):
    imported(wire("Ministers meet"), editor)
    imported(wire("Ministers meet", body=BODY.replace("Monday", "Tuesday")), editor)
    assert Article.objects.count() == 1 and "Tuesday" in Article.objects.get().body
    imported(wire("Ministers meet again"), editor)
    assert Article.objects.count() == 2


def test_a_ninjs_guid_names_the_story_whatever_its_uri(section, editor):
    item = {
        "guid": "urn:agency:item:77",
        "uri": "https://agency.example/items/77?v=1",
        "headlines": [{"value": "Ministers meet"}],
        "bodies": [{"contenttype": "text/plain", "value": BODY}],
        "by": FOOTER,
    }
    first = imported(json.dumps(item).encode(), editor, "item.json").article
    item.update(uri="https://agency.example/items/77?v=2", headlines=[{"value": "New title"}])
    again = imported(json.dumps(item).encode(), editor, "item.json").article
    assert first.pk == again.pk and again.headline == "New title"
    assert again.source_id == "urn:agency:item:77"


def test_a_correction_line_after_the_footer_is_not_the_footer(section, editor):
    after = (
        "(This story has been corrected to fix the spelling of the minister's name "
        "in paragraph 2)\n\nOur Standards: The Trust Principles.\n\nAdd a Comment\n"
    )
    article = imported(wire("Ministers meet", after=after), editor).article
    assert article.credit_line == FOOTER
    assert article.credits_to_check == ""
    assert "This story has been corrected" not in article.body
    assert "Our Standards" not in article.body and "Add a Comment" not in article.body
    assert "(This story has been corrected to fix the spelling" in article.notes
    assert not Contributor.objects.filter(name__icontains="story").exists()


@pytest.mark.parametrize(
    "trailer",
    [
        "(Corrects spelling of minister's name in paragraph 2)",
        "(This version of the story was refiled to add a dropped word)",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "© 2026 Agency. All rights reserved.",
        "Add a Comment",
    ],
)
def test_agency_trailers_are_never_read_as_credits(section, editor, trailer):
    article = imported(wire("Ministers meet", after=trailer), editor).article
    assert article.credit_tuples() == [
        ("reporting", "Ann Lee", "Oslo", ""),
        ("editing", "Bo Ek", "", ""),
    ]
    assert trailer not in article.body


def test_strict_import_still_imports_but_says_so_in_its_exit_status(section, tmp_path):
    from django.core.management import CommandError

    good, odd = tmp_path / "good.txt", tmp_path / "odd.txt"
    good.write_bytes(wire("Ministers meet"))
    odd.write_bytes(wire("Ministers part").replace(b"Editing by Bo Ek", b"Sound by Zed Zee"))
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 of 2 stories imported with credits that need"):
        call_command("import_story", str(good), str(odd), strict=True, stdout=out, stderr=err)
    assert Article.objects.count() == 2
    assert err.getvalue().count("warning: credits need checking") == 1
    assert "Sound by Zed Zee" in err.getvalue()
    call_command("import_story", str(good), stdout=StringIO(), stderr=StringIO(), strict=True)
