import re

import pytest
from django.utils import timezone

from articles.models import Correction, Section
from tests.factories import article_in_state, with_lead_image

SEED_CREDITS = [
    ("reporting", "Guy Faulconbridge", "Moscow", ""),
    ("reporting", "Gwladys Fouche", "Oslo", ""),
    ("translation", "Lina Golovnya", "", "fr"),
    ("editing", "Blandine Hénault", "", ""),
]
SEED_LINE = (
    "(Report Guy Faulconbridge in Moscow and Gwladys Fouche in Oslo; "
    "French version Lina Golovnya, edited by Blandine Hénault)"
)


@pytest.fixture
def seed_story(publish):
    return publish(
        headline="Ex-Wagner Group commander seeks asylum in Norway",
        slug="ex-wagner-commander",
        standfirst="He says he fears for his life.",
        dateline_place="MOSCOW",
        dateline_agency="Reuters",
        body="<p>A former commander of the paramilitary group Wagner fled.</p><p>More.</p>",
        credits=SEED_CREDITS,
    )


def text(response):
    return response.content.decode()


def test_article_page_shows_the_story_as_the_wire_wrote_it(client, seed_story):
    Correction.objects.create(article=seed_story, text="An earlier version misspelt a name.")
    html = text(client.get(seed_story.get_absolute_url()))
    assert "Ex-Wagner Group commander seeks asylum in Norway</h1>" in html
    assert "He says he fears for his life." in html
    assert '<p><span class="dateline">MOSCOW (Reuters) –</span> A former commander' in html
    assert SEED_LINE in html
    # The credit line is the wire footer: after the body.
    assert html.index("More.</p>") < html.index(SEED_LINE)
    assert "An earlier version misspelt a name." in html
    assert ">World</a>" in html
    assert "Published <time" in html


def test_updated_time_is_shown_once_the_story_changes(client, publish):
    article = publish(headline="Changed story", updated_at=timezone.now())
    html = text(client.get(article.get_absolute_url()))
    assert re.search(r"Published <time[^>]*>[^<]+</time> · Updated <time", html)


def test_lead_image_is_served_as_renditions_never_the_original(client, publish):
    article = with_lead_image(publish(headline="With a photo"))
    html = text(client.get(article.get_absolute_url()))
    assert article.lead_image.file.url not in html
    srcset = re.search(r'srcset="([^"]+)"', html).group(1)
    assert [c.split()[-1] for c in srcset.split(", ")] == ["480w", "960w", "1600w"]
    assert "Snow on the border fence" in html and "Photo: Jane Lens" in html
    assert 'alt="A fence in the snow"' in html


def test_small_images_are_never_enlarged(client, publish):
    article = with_lead_image(publish(headline="Small photo"), width=600, height=300)
    html = text(client.get(article.get_absolute_url()))
    srcset = re.search(r'srcset="([^"]+)"', html).group(1)
    assert [c.split()[-1] for c in srcset.split(", ")] == ["480w", "600w"]


def test_translations_link_both_ways_and_between_siblings(client, publish, seed_story):
    french = publish(headline="En français", language="fr", translation_of=seed_story)
    german = publish(headline="Auf Deutsch", language="de", translation_of=seed_story)
    publish(headline="Entwurf", language="es", translation_of=seed_story, status="draft")

    original_page = text(client.get(seed_story.get_absolute_url()))
    assert "Also in:" in original_page
    assert (
        f'href="{french.get_absolute_url()}" hreflang="fr" lang="fr">Français</a>' in original_page
    )
    assert (
        f'href="{german.get_absolute_url()}" hreflang="de" lang="de">Deutsch</a>' in original_page
    )
    assert "Español" not in original_page

    german_page = text(client.get(german.get_absolute_url()))
    assert f'href="{seed_story.get_absolute_url()}" hreflang="en"' in german_page
    assert f'href="{french.get_absolute_url()}" hreflang="fr"' in german_page


def test_related_articles_come_from_the_same_section(client, publish, seed_story):
    neighbour = publish(headline="Neighbour story")
    elsewhere = publish(
        headline="Elsewhere story", section=Section.objects.create(name="Sport", slug="sport")
    )
    html = text(client.get(seed_story.get_absolute_url()))
    assert neighbour.headline in html
    assert elsewhere.headline not in html


def test_article_page_speaks_the_articles_language(client, publish):
    article = publish(headline="Un article", language="fr")
    html = text(client.get(article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en"))
    assert '<html lang="fr">' in html
    assert "Publié" in html


def test_interface_language_is_chosen_by_the_address(client, publish):
    publish(headline="Some news")
    assert '<html lang="fr">' in text(client.get("/fr/", HTTP_ACCEPT_LANGUAGE="en"))
    assert '<html lang="en">' in text(client.get("/", HTTP_ACCEPT_LANGUAGE="fr"))


def test_home_puts_the_lead_story_first_then_groups_by_section(client, publish, section):
    business = Section.objects.create(name="Business", slug="business", position=2)
    section.position = 1
    section.save()
    older_world = publish(headline="Older world story", hours_ago=5)
    business_story = publish(headline="Business story", section=business, hours_ago=4)
    top = [publish(headline=f"Top story {n}", hours_ago=1 + n / 10) for n in range(3)]
    lead = publish(headline="Newest story", section=business, hours_ago=1)
    html = text(client.get("/"))
    assert html.index(lead.headline) < html.index(top[0].headline) < html.index(top[2].headline)
    assert html.index(top[2].headline) < html.index(older_world.headline)
    # World (position 1) comes before Business (position 2) after the top of the page.
    assert html.index(older_world.headline) < html.index(business_story.headline)
    assert 'class="lead-story' in html


def test_home_is_paginated(client, publish):
    for n in range(23):
        publish(headline=f"Story number {n}", hours_ago=n + 1)
    first, second = client.get("/"), client.get("/?page=2")
    assert "Story number 0<" in text(first) and "Story number 22<" not in text(first)
    assert "Story number 22<" in text(second)
    assert client.get("/?page=9").status_code == 404
    assert client.get("/?page=0").status_code == 404
    assert 'rel="next" href="?page=2">Older<' in text(first) and 'rel="prev"' not in text(first)
    assert 'rel="prev" href="?page=1">Newer<' in text(second) and 'rel="next"' not in text(second)


def test_section_page_lists_only_that_section(client, publish, section):
    other = Section.objects.create(name="Sport", slug="sport")
    publish(headline="World story")
    publish(headline="Sport story", section=other)
    html = text(client.get(section.get_absolute_url()))
    assert "World story" in html and "Sport story" not in html
    assert client.get("/section/nowhere/").status_code == 404


def test_contributor_page_shows_bio_and_roles(client, seed_story):
    from articles.models import Contributor

    lina = Contributor.objects.get(slug="lina-golovnya")
    lina.bio = "Translator based in Paris."
    lina.save()
    html = text(client.get(lina.get_absolute_url()))
    assert "Translator based in Paris." in html
    assert seed_story.headline in html
    assert '<span class="roles">Translation</span>' in html


def test_withdrawn_article_is_gone_and_never_published_is_not_found(client, make_article):
    withdrawn = article_in_state("withdrawn", headline="Withdrawn story")
    response = client.get(withdrawn.get_absolute_url())
    assert response.status_code == 410
    assert "This article has been withdrawn" in text(response)
    assert "Withdrawn story" not in text(response)
    draft = make_article(headline="Draft story", status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_not_found_page_is_in_the_site_design(client, settings, db):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in text(response)
    assert "vendor/bootstrap/bootstrap.min.css" in text(response)


def test_print_style_drops_navigation():
    from django.conf import settings

    css = (settings.BASE_DIR / "static/css/site.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert ".site-header" in print_rules and "nav" in print_rules


def test_pages_link_their_feeds(client, seed_story, section):
    home = text(client.get("/"))
    assert '<link rel="alternate" type="application/rss+xml"' in home
    assert 'href="/feeds/atom/"' in home
    assert f'href="/section/{section.slug}/rss/"' in text(client.get(section.get_absolute_url()))
    assert 'href="/contributor/guy-faulconbridge/atom/"' in text(
        client.get("/contributor/guy-faulconbridge/")
    )


def test_article_page_declares_its_language_to_clients(client, publish):
    article = publish(headline="Ein Artikel", language="de")
    response = client.get(article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Content-Language"] == "de"


def test_dateline_without_agency_and_body_without_opening_paragraph(client, publish):
    plain = publish(headline="Court story", dateline_place="LONDON", body="<p>The trial.</p>")
    assert '<p><span class="dateline">LONDON –</span> The trial.</p>' in text(
        client.get(plain.get_absolute_url())
    )
    subhead = publish(headline="Explainer", dateline_place="PARIS", body="<h2>Why</h2><p>x</p>")
    assert '<p><span class="dateline">PARIS –</span> </p><h2>Why</h2>' in text(
        client.get(subhead.get_absolute_url())
    )


def test_lists_show_each_story_once_but_never_hide_a_translation(client, publish, make_article):
    original = publish(headline="Original story")
    publish(headline="Histoire traduite", language="fr", translation_of=original)
    draft = make_article(headline="Draft original", status="draft")
    publish(headline="Seule version publiée", language="fr", translation_of=draft)
    for url in ("/", "/section/world/"):
        html = text(client.get(url))
        assert "Original story" in html
        assert "Histoire traduite" not in html
        assert "Seule version publiée" in html


def test_staff_preview_shows_unpublished_articles_to_staff_only(client, make_article, editor):
    draft = make_article(headline="Draft in progress", status="draft")
    url = f"/preview/{draft.pk}/"
    assert client.get(url).status_code == 302
    client.force_login(editor)
    html = text(client.get(url))
    assert "Draft in progress" in html
    assert '<meta name="robots" content="noindex">' in html
