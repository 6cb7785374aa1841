"""
Wire copy imported by the import_story command: a story in review with credits read from
its footer, written back exactly; imported again, the same article updated.
"""

from pathlib import Path

import pytest
from django.core.management import CommandError

from articles.models import Article, Contributor, Transition
from tests.wire.wire_copy import FOOTER, STORY, import_story

SHARED = Path(__file__).resolve().parents[3] / "shared"

ROUND_TRIPS = [
    ("English wire", FOOTER),
    ("English wire", "(Reporting by Ann One in Kyiv, Bob Two and Cy Three in Warsaw)"),
    (
        "English wire",
        "(Reporting by Andrei Ostroukh in Moscow and Gwladys Fouche in Oslo; "
        "Additional reporting by Anna Ringstrom in Stockholm; Writing by Guy Faulconbridge; "
        "Editing by Alex Richardson)",
    ),
    ("English wire", "(Reporting by Jan Kowalski; Editing by Mark Potter and Gareth Jones)"),
    (
        "English wire, translated",
        "(Report Guy Faulconbridge in Moscow and Gwladys Fouche in Oslo; "
        "French version Lina Golovnya, edited by Blandine Hénault)",
    ),
    (
        "English wire, translated",
        "(Report Anna Ringstrom in Stockholm; Additional reporting Terje Solsvik in Oslo; "
        "Writing Niklas Pollard; German version Lina Golovnya, edited by Blandine Hénault)",
    ),
    (
        "English wire, translated",
        "(Report Ann One in Kyiv, Bob Two in Lviv and Cy Three in Odesa; "
        "Spanish version Dee Four and Eve Five)",
    ),
    (
        "Dépêche française",
        "(Reportage Guy Faulconbridge à Moscou et Gwladys Fouche à Oslo; "
        "version française Lina Golovnya, édité par Blandine Hénault)",
    ),
    (
        "Dépêche française",
        "(Reportage Pavel Polityuk à Kiev, Natalia Zinets à Lviv et Max Hunder à Odessa; "
        "Avec Anna Ringstrom à Stockholm; Rédigé par Tassilo Hummel, édité par Sophie Louet)",
    ),
    ("Dépêche française", "(Reportage Jean Dupont à Paris; version anglaise Claire Martin)"),
]


def test_story_becomes_an_article_in_review(section, story_file):
    out, err = import_story(story_file())
    article = Article.objects.get()
    assert out == article.get_absolute_url() + "\n"
    assert err == ""
    assert article.headline == "Dutch court orders release of seized Russian museum gold"
    assert (article.dateline_place, article.dateline_agency) == ("AMSTERDAM", "Reuters")
    assert article.body.startswith("<p>A Dutch appeals court on Tuesday ordered the return of ")
    assert "“Scythian gold”" in article.body and "Ukraine — not to Crimea —" in article.body
    assert "<p>“This is our gold,” the director" in article.body
    assert "Add a Comment" not in article.body and "Reporting by" not in article.body
    assert article.credit_line == FOOTER
    assert article.credit_style.name == "English wire"
    assert article.language == "en"
    assert article.status == Article.Status.REVIEW
    assert article.transitions.get().to_status == Article.Status.REVIEW


def test_seed_story_renders_its_own_footer(section):
    seeds = sorted((SHARED / "seed").glob("*.txt"))
    if not seeds:
        pytest.skip("no seed story beside the project")
    text = seeds[0].read_text("utf-8")
    footer = next(line for line in text.splitlines() if line.startswith("(Report"))
    out, _ = import_story(str(seeds[0]))
    article = Article.objects.get()
    assert out.strip() == article.get_absolute_url()
    assert article.credit_line == footer
    assert article.credit_style.name == "English wire, translated"
    assert (article.dateline_place, article.dateline_agency) == ("MOSCOW", "Reuters")
    assert article.body.startswith("<p>A former commander of the paramilitary group Wagner")
    assert "Add a Comment" not in article.body


@pytest.mark.parametrize(("style", "footer"), ROUND_TRIPS)
def test_footers_round_trip_exactly(section, story_file, style, footer):
    import_story(story_file(footer=footer))
    article = Article.objects.get()
    assert article.credit_line == footer
    assert article.credit_style.name == style
    assert article.notes == ""


def test_footer_becomes_structured_credits(section, story_file):
    import_story(story_file(footer=ROUND_TRIPS[8][1]))
    article = Article.objects.get()
    assert article.language == "fr"
    # Places are kept under the newsroom's own name for them: "à Kiev" is Kyiv.
    assert article.credit_tuples() == [
        ("reporting", "Pavel Polityuk", "Kyiv", ""),
        ("reporting", "Natalia Zinets", "Lviv", ""),
        ("reporting", "Max Hunder", "Odesa", ""),
        ("additional_reporting", "Anna Ringstrom", "Stockholm", ""),
        ("writing", "Tassilo Hummel", "", ""),
        ("editing", "Sophie Louet", "", ""),
    ]


def test_translation_credit_keeps_its_language(section, story_file):
    import_story(story_file(footer=ROUND_TRIPS[5][1]))
    translation = Article.objects.get().credits.get(role="translation")
    assert (translation.contributor.name, translation.language) == ("Lina Golovnya", "de")


def test_contributors_are_matched_by_name_not_duplicated(section, story_file):
    existing = Contributor.objects.create(name="Blandine Hénault", slug="blandine-henault")
    Contributor.objects.create(name="Lina Golovnya-Smith", slug="lina-golovnya")
    footer = "(Report Ann One in Kyiv; French version Lina Golovnya, edited by BLANDINE HENAULT)"
    import_story(story_file(footer=footer))
    import_story(story_file(STORY.format(footer=footer).replace("Dutch", "A Dutch"), "b.txt"))
    assert Contributor.objects.filter(name__iexact="blandine henault").count() == 0
    assert Article.objects.filter(credits__contributor=existing).count() == 2
    lina = Contributor.objects.get(name="Lina Golovnya")
    assert lina.slug == "lina-golovnya-2"
    assert Contributor.objects.count() == 4


def test_what_cannot_be_read_is_kept_aside_and_flagged(section, story_file):
    footer = "(Reporting by Ann One in Kyiv; Sound by Zed Zee; Editing by Bob Two)"
    out, err = import_story(story_file(footer=footer))
    article = Article.objects.get()
    assert out == article.get_absolute_url() + "\n"
    assert article.credit_tuples() == [
        ("reporting", "Ann One", "Kyiv", ""),
        ("editing", "Bob Two", "", ""),
    ]
    assert article.credits_to_check == "Sound by Zed Zee"
    assert "“Sound by Zed Zee”" in article.credits_check_reason
    assert footer in article.notes
    assert "warning: credits need checking" in err and "Sound by Zed Zee" in err
    assert not Contributor.objects.filter(name__icontains="Zed").exists()


def test_importing_again_updates_the_same_article(section, story_file):
    path = story_file()
    first, _ = import_story(path)
    story_file(STORY.format(footer=FOOTER).replace("30 days", "two weeks"))
    again, _ = import_story(path)
    article = Article.objects.get()
    assert first == again
    assert "within two weeks" in article.body
    assert article.credits.count() == 4
    assert article.status == Article.Status.REVIEW


def test_publish_option_publishes(section, story_file):
    import_story(story_file(), publish=True)
    article = Article.objects.get()
    assert article.is_public
    assert Transition.objects.get(article=article).to_status == Article.Status.PUBLISHED
    assert article in Article.objects.published()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("  \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\xe9 story\n\nPARIS (AFP) - Text.".encode("latin-1"), "not UTF-8"),
        ("\n\n(Reporting by Ann One)\n", "no headline"),
        ("A headline and nothing else\n", "no story"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_left(section, story_file, content, message):
    good = story_file(name="good.txt")
    bad = story_file(content, name="bad.txt")
    with pytest.raises(CommandError, match=message):
        import_story(good, bad)
    assert not Article.objects.exists()
    assert not Contributor.objects.exists()


def test_missing_file_is_refused(section, tmp_path):
    with pytest.raises(CommandError, match="cannot be read"):
        import_story(str(tmp_path / "nowhere.txt"))


def test_hard_wrapped_copy_without_footer(section, story_file):
    text = (
        "Headline straight above the story\n"
        "PARIS (AFP) - Ministers met on\nMonday in Paris.\n\n"
        "They agreed on little.\n"
    )
    _, err = import_story(story_file(text))
    article = Article.objects.get()
    assert article.headline == "Headline straight above the story"
    assert (article.dateline_place, article.dateline_agency) == ("PARIS", "AFP")
    assert article.body == "<p>Ministers met on Monday in Paris.</p><p>They agreed on little.</p>"
    assert article.credit_line == "" and err == ""


def test_reimporting_a_published_story_updates_it_in_place(section, story_file):
    path = story_file()
    import_story(path, publish=True)
    story_file(STORY.format(footer=FOOTER).replace("30 days", "two weeks"))
    import_story(path)
    article = Article.objects.get()
    assert article.is_public
    assert article.updated_at is not None
    assert "within two weeks" in article.body


def test_reimporting_a_changed_live_story_is_an_update_like_an_admin_edit(
    section, story_file, translator, mailoutbox, django_capture_on_commit_callbacks
):
    from reversion.models import Version

    from articles.models import Role
    from tests.factories import contributor

    path = story_file()
    import_story(path, publish=True)
    original = Article.objects.get()
    lina = contributor("Lina Golovnya")
    lina.user = translator
    lina.save()
    french = original.create_translation(translator, "fr", lina)
    assert french.credits.filter(role=Role.TRANSLATION).exists()
    versions_before = Version.objects.get_for_object(original).count()

    story_file(STORY.format(footer=FOOTER).replace("30 days", "two weeks"))
    with django_capture_on_commit_callbacks(execute=True):
        import_story(path)

    original.refresh_from_db()
    assert original.revision == 2 and original.updated_at is not None
    assert Version.objects.get_for_object(original).count() == versions_before + 1
    assert Version.objects.get_for_object(original).first().revision.comment == (
        "Updated from the wire."
    )
    assert list(Article.objects.out_of_date_translations()) == [french]
    assert [m.to for m in mailoutbox] == [[translator.email]]


def test_reimporting_an_unchanged_story_changes_nothing(section, story_file):
    path = story_file()
    import_story(path, publish=True)
    before = Article.objects.get()
    import_story(path)
    after = Article.objects.get()
    assert (after.revision, after.updated_at, after.edit_token) == (
        before.revision,
        before.updated_at,
        before.edit_token,
    )
