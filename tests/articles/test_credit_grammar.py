"""
The credit grammar, both directions: real footer shapes read into credits and written
back character for character, random credits written and read back, and never a
contributor made of what is not a name.
"""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import creditlines
from articles.models import Article, Contributor, CreditStyle, Place, Role
from tests.articles.credit_footers import FOOTERS, MALFORMED, NEVER_IN_A_NAME
from wire.footers import read_footer
from wire.importer import save_story
from wire.story import Story, parse_wire_text

pytestmark = pytest.mark.django_db

BUILT_IN = ["English wire", "English wire, translated", "Dépêche française"]


def import_footer(footer, by, n=0):
    story = Story(source_id=f"test:{n}", headline=f"Story {n}", paragraphs=["Text."], footer=footer)
    return save_story(story, by).article


def junk_in(name):
    words = set(name.casefold().split())
    spaced = f" {name.casefold()} "
    return (
        [w for w in NEVER_IN_A_NAME if w.strip() in words or (" " in w and w in spaced)]
        + [mark for mark in ";,()[]:/@" if mark in name]
        + [d for d in "0123456789" if d in name]
    )


def test_the_corpus_is_large_and_every_footer_is_different():
    assert len(FOOTERS) >= 60
    assert len({footer for footer, _ in FOOTERS}) == len(FOOTERS)


@pytest.mark.parametrize(("footer", "credits"), FOOTERS, ids=[f for f, _ in FOOTERS])
def test_each_footer_gives_its_credits_and_renders_back_exactly(footer, credits):
    reading = read_footer(footer)
    assert reading.leftovers == []
    assert reading.credits == credits
    places = Place.objects.plain()
    assert creditlines.render_credit_line(reading.style, credits, reading.variant, places) == footer


def test_every_footer_imported_shows_as_sent_and_no_contributor_is_junk(section, editor):
    for n, (footer, credits) in enumerate(FOOTERS):
        article = import_footer(footer, editor, n)
        assert article.credit_line == footer
        assert article.credit_tuples() == credits
        assert (article.credits_to_check, article.credits_check_reason) == ("", "")
    names = list(Contributor.objects.values_list("name", flat=True))
    assert names and {name: junk_in(name) for name in names if junk_in(name)} == {}


@pytest.mark.parametrize("footer", MALFORMED)
def test_a_footer_not_read_in_full_is_flagged_and_makes_no_junk_contributor(
    section, editor, footer
):
    article = import_footer(footer, editor)
    assert article.credits_to_check
    assert article.credits_to_check in footer or all(
        part in footer for part in article.credits_to_check.splitlines()
    )
    assert article.credits_check_reason.startswith("Credit footer not fully read: “")
    assert f"Footer as sent: {footer}" in article.notes
    assert Article.objects.filter(credits_to_check="").count() == 0
    for name in Contributor.objects.values_list("name", flat=True):
        assert junk_in(name) == [], name


def test_a_footer_missing_its_closing_parenthesis_is_flagged_not_printed_as_the_story(
    section, editor
):
    copy = (
        "Bridge reopens\n\nOSLO (NTB) - The bridge reopened.\n\n"
        "(Reporting by Ann Lee; Editing by Bo Ek"
    )
    article = save_story(parse_wire_text(copy, "bridge.txt"), editor).article
    assert "Reporting by" not in article.body
    assert article.credits_to_check == "(Reporting by Ann Lee; Editing by Bo Ek"
    assert "it is not in parentheses" in article.credits_check_reason


@pytest.mark.parametrize(
    "name",
    [
        "Ann Lee, editing by Bo Ek",
        "B,",
        "de Jean Morel",
        "by Ann Lee",
        "Jean Morel, avec Ana Roy",
        "Ann Lee in Paris",
        "Ann Lee and Bo Ek",
        "Reporting by Ann Lee",
        "Agent 007",
        "Ann Lee; Bo Ek",
        "Bo Ek & Cy Dunn",
        "D.C.",
        "A very long name that keeps going on and on far beyond what a person is called",
        "",
    ],
)
def test_no_path_creates_a_contributor_whose_name_is_not_a_name(name, admin_client):
    with pytest.raises(ValidationError):
        Contributor.objects.for_name(name)
    with pytest.raises(ValidationError):
        Contributor.objects.create(name=name, slug="x")
    response = admin_client.post("/admin/articles/contributor/add/", {"name": name, "slug": "x"})
    assert response.status_code == 200  # the form again, with the reason
    assert not Contributor.objects.exists()


def test_real_names_are_welcome(admin_client):
    for name in ["Ann-Marie O'Neil", "José Álvarez", "Charles de Villiers", "J. R. Smith"]:
        assert Contributor.objects.for_name(name).name == name
    response = admin_client.post(
        "/admin/articles/contributor/add/", {"name": "Rafael Reporter", "slug": "rafael"}
    )
    assert response.status_code == 302


# Random credits, every built-in style: what is written reads back as the same credits.

FIRST = ["Ann", "Bo", "Cyrille", "Dörte", "Émile", "Jean-Luc", "Maeve", "Ngozi", "Søren"]
LAST = ["Lee", "Ek", "O'Neil", "Álvarez", "Van Dijk", "Nakamura", "Hénault", "Smith-Jones"]
PLACES = ["", "Paris", "Oslo", "Kyiv", "Moscow", "New York", "Mexico City", "Tromsø", "The Hague"]
LANGUAGES = ["en", "fr", "de", "es", "uk"]


@st.composite
def credit(draw):
    role = draw(st.sampled_from(Role.values))
    name = f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"
    has_place = role in {"reporting", "additional_reporting", "photography", "video"}
    place = draw(st.sampled_from(PLACES)) if has_place else ""
    language = draw(st.sampled_from(LANGUAGES)) if role == Role.TRANSLATION else ""
    return (role, name, place, language)


def test_any_credits_written_in_any_built_in_style_read_back_as_themselves():
    styles = CreditStyle.objects.plain_styles()
    places = Place.objects.plain()
    built_in = [s for s in styles if s.name in BUILT_IN]
    assert len(built_in) == 3
    assert all({p.role for p in s.phrases} == set(Role.values) for s in built_in)

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.lists(credit(), min_size=1, max_size=7), st.sampled_from(built_in))
    def round_trip(credits, style):
        line = creditlines.render_credit_line(style, credits, places=places)
        reading = creditlines.parse_credit_line(line, styles, places)
        in_order = creditlines.line_order(style, credits)
        seen.append(len(credits))
        assert reading.leftovers == []
        assert reading.credits == in_order
        assert creditlines.render_credit_line(style, in_order, places=places) == line
        as_read = (reading.style, reading.credits, reading.variant, places)
        assert creditlines.render_credit_line(*as_read) == line

    seen = []
    round_trip()
    assert len(seen) >= 100 and max(seen) > 3  # it did try many lists, long ones too
