import pytest

from articles.creditlines import join_names
from articles.models import CreditPhrase, CreditStyle

SEED_LINE = (
    "(Report Guy Faulconbridge in Moscow and Gwladys Fouche in Oslo; "
    "French version Lina Golovnya, edited by Blandine Hénault)"
)
ENGLISH_LINE = (
    "(Reporting by Andrei Ostroukh in Moscow and Gwladys Fouche in Oslo; "
    "Additional reporting by Anna Ringstrom in Stockholm; Writing by Guy Faulconbridge; "
    "Editing by Alex Richardson)"
)
FRENCH_LINE = (
    "(Reportage Guy Faulconbridge à Moscou et Gwladys Fouche à Oslo; "
    "version française Lina Golovnya, édité par Blandine Hénault)"
)


def test_translated_story_renders_the_seed_footer(make_article):
    article = make_article(
        language="en",
        credits=[
            ("reporting", "Guy Faulconbridge", "Moscow", ""),
            ("reporting", "Gwladys Fouche", "Oslo", ""),
            ("translation", "Lina Golovnya", "", "fr"),
            ("editing", "Blandine Hénault", "", ""),
        ],
    )
    assert article.credit_line == SEED_LINE


def test_english_original_renders_in_english_wire_style(make_article):
    article = make_article(
        language="en",
        credits=[
            ("reporting", "Andrei Ostroukh", "Moscow", ""),
            ("reporting", "Gwladys Fouche", "Oslo", ""),
            ("additional_reporting", "Anna Ringstrom", "Stockholm", ""),
            ("writing", "Guy Faulconbridge", "", ""),
            ("editing", "Alex Richardson", "", ""),
        ],
    )
    assert article.credit_line == ENGLISH_LINE


def test_french_article_renders_in_french_style(make_article):
    article = make_article(
        language="fr",
        credits=[
            ("reporting", "Guy Faulconbridge", "Moscou", ""),
            ("reporting", "Gwladys Fouche", "Oslo", ""),
            ("translation", "Lina Golovnya", "", "fr"),
            ("editing", "Blandine Hénault", "", ""),
        ],
    )
    assert article.credit_line == FRENCH_LINE


def test_seed_file_footer_matches_when_present(make_article):
    from pathlib import Path

    seeds = sorted((Path(__file__).resolve().parents[3] / "shared" / "seed").glob("*.txt"))
    if not seeds:
        pytest.skip("no seed story beside the project")
    footer = next(
        line.strip()
        for line in seeds[0].read_text(encoding="utf-8").splitlines()
        if line.startswith("(") and line.strip().endswith(")")
    )
    article = make_article(
        credits=[
            ("reporting", "Guy Faulconbridge", "Moscow", ""),
            ("reporting", "Gwladys Fouche", "Oslo", ""),
            ("translation", "Lina Golovnya", "", "fr"),
            ("editing", "Blandine Hénault", "", ""),
        ]
    )
    assert article.credit_line == footer


def test_names_join_with_and_then_commas():
    assert join_names(["A"], "and") == "A"
    assert join_names(["A", "B"], "and") == "A and B"
    assert join_names(["A", "B", "C"], "and") == "A, B and C"
    assert join_names(["A", "B", "C"], "et") == "A, B et C"


def test_a_name_without_a_place_is_not_written_before_one_it_would_share(make_article):
    # "Bob Two and Cy Three in Warsaw" would put both in Warsaw.
    article = make_article(
        credits=[
            ("reporting", "Ann One", "Kyiv", ""),
            ("reporting", "Bob Two", "", ""),
            ("reporting", "Cy Three", "Warsaw", ""),
        ]
    )
    assert article.credit_line == "(Reporting by Ann One in Kyiv, Cy Three in Warsaw and Bob Two)"


def test_names_sharing_a_place_are_grouped_the_way_wires_write_them(make_article):
    article = make_article(
        credits=[
            ("reporting", "Ann One", "Paris", ""),
            ("reporting", "Bob Two", "Paris", ""),
            ("reporting", "Cy Three", "Oslo", ""),
        ]
    )
    assert article.credit_line == "(Reporting by Ann One and Bob Two in Paris and Cy Three in Oslo)"


def test_article_without_credits_has_no_line(make_article):
    assert make_article().credit_line == ""


def test_styles_are_data_editable_and_a_newsroom_can_add_its_own(make_article):
    article = make_article(
        credits=[("reporting", "Ann One", "", ""), ("editing", "Bob Two", "", "")]
    )
    english = CreditStyle.objects.get(name="English wire")
    english.phrases.filter(role="editing").update(label="Edited by")
    english.save()  # saving the style refreshes what is cached
    assert article.credit_line == "(Reporting by Ann One; Edited by Bob Two)"

    house = CreditStyle.objects.create(name="House", language="en", conjunction="&")
    CreditPhrase.objects.create(style=house, role="reporting", label="By", position=0)
    article.credit_style = house
    article.save()
    assert article.credit_line == "(By Ann One)"
