import json
import re
import xml.etree.ElementTree as ET

import pytest

from tests.factories import with_lead_image

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture(autouse=True)
def reader_host(settings):
    settings.ALLOWED_HOSTS = ["news.example.org", "testserver"]


@pytest.fixture
def original(publish):
    return with_lead_image(
        publish(
            headline="Former Wagner commander asks Norway for asylum",
            slug="wagner-asylum",
            standfirst="He fears for his life.",
            credits=[
                ("reporting", "Guy Faulconbridge", "Moscow", ""),
                ("reporting", "Gwladys Fouche", "Oslo", ""),
                ("editing", "Blandine Hénault", "", ""),
            ],
        )
    )


@pytest.fixture
def translation(publish, original):
    return publish(
        headline="Un ancien commandant de Wagner demande l'asile",
        slug="wagner-asile",
        language="fr",
        translation_of=original,
        credits=[
            ("reporting", "Guy Faulconbridge", "Moscou", ""),
            ("translation", "Lina Golovnya", "", "fr"),
        ],
    )


def page(client, article):
    response = client.get(article.get_absolute_url(), HTTP_HOST="news.example.org")
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_article_carries_news_article_json_ld(client, original, translation):
    data = json_ld(page(client, original))
    base = "http://news.example.org"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == original.headline
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == original.first_published_at.isoformat()
    assert data["dateModified"] == original.publish_at.isoformat()
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Guy Faulconbridge",
            "url": f"{base}/contributor/guy-faulconbridge/",
        },
        {"@type": "Person", "name": "Gwladys Fouche", "url": f"{base}/contributor/gwladys-fouche/"},
    ]
    assert data["editor"] == [
        {
            "@type": "Person",
            "name": "Blandine Hénault",
            "url": f"{base}/contributor/blandine-henault/",
        }
    ]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "The Newsroom"
    assert data["image"] and all(u.startswith(f"{base}/media/renditions/") for u in data["image"])
    assert "isBasedOn" not in data and "translationOfWork" not in data


def test_translation_json_ld_names_translator_and_original(client, original, translation):
    data = json_ld(page(client, translation))
    assert data["inLanguage"] == "fr"
    assert data["isBasedOn"] == f"http://news.example.org{original.get_absolute_url()}"
    assert data["translationOfWork"] == {
        "@type": "NewsArticle",
        "@id": f"http://news.example.org{original.get_absolute_url()}",
        "url": f"http://news.example.org{original.get_absolute_url()}",
        "headline": original.headline,
        "inLanguage": "en",
    }
    assert data["translator"] == [
        {
            "@type": "Person",
            "name": "Lina Golovnya",
            # A French story's page links to the French pages around it.
            "url": "http://news.example.org/fr/contributor/lina-golovnya/",
        }
    ]


def test_json_ld_cannot_close_its_script_element(client, publish):
    article = publish(headline="</script><script>alert(1)</script> & more")
    html = page(client, article)
    data = json_ld(html)
    assert data["headline"] == article.headline
    assert "<script>alert(1)" not in html


def test_open_graph_canonical_and_hreflang(client, original, translation):
    html = page(client, original)
    base = "http://news.example.org"
    assert f'<link rel="canonical" href="{base}{original.get_absolute_url()}">' in html
    assert (
        f'<link rel="alternate" hreflang="en" href="{base}{original.get_absolute_url()}">' in html
    )
    assert (
        f'<link rel="alternate" hreflang="fr" href="{base}{translation.get_absolute_url()}">'
        in html
    )
    assert f'<meta property="og:title" content="{original.headline}">' in html
    assert '<meta property="og:type" content="article">' in html
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert og_image.startswith(f"{base}/media/renditions/")
    assert original.lead_image.file.url not in html


def sitemap_locations(client, url):
    response = client.get(url, HTTP_HOST="news.example.org")
    assert response.status_code == 200, url
    return [e.text for e in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_sitemap_lists_published_articles_at_the_readers_host(client, original, section):
    sitemaps = sitemap_locations(client, "/sitemap.xml")
    assert sitemaps == [
        f"http://news.example.org/sitemap-{name}.xml"
        for name in ("articles", "sections", "contributors", "topics")
    ]
    locations = [
        location
        for sitemap in sitemaps
        for location in sitemap_locations(client, sitemap.removeprefix("http://news.example.org"))
    ]
    assert f"http://news.example.org{original.get_absolute_url()}" in locations
    assert f"http://news.example.org{section.get_absolute_url()}" in locations
    assert "http://news.example.org/contributor/guy-faulconbridge/" in locations
    assert not any("example.com" in loc for loc in locations)


def test_news_sitemap_covers_the_last_two_days(client, publish):
    recent = publish(headline="Fresh story", hours_ago=5)
    publish(headline="Old story", hours_ago=24 * 3)
    response = client.get("/sitemap-news.xml", HTTP_HOST="news.example.org")
    tree = ET.fromstring(response.content)
    titles = [e.text for e in tree.iter(f"{NEWS}title")]
    assert titles == ["Fresh story"]
    assert [e.text for e in tree.iter(f"{SITEMAP}loc")] == [
        f"http://news.example.org{recent.get_absolute_url()}"
    ]
    assert next(tree.iter(f"{NEWS}language")).text == "en"


def test_robots_txt_points_to_the_sitemaps(client, db):
    response = client.get("/robots.txt", HTTP_HOST="news.example.org")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://news.example.org/sitemap.xml" in body
    assert "Sitemap: http://news.example.org/sitemap-news.xml" in body
    assert "Disallow: /admin/" in body


def test_a_large_archive_is_listed_over_several_sitemap_pages(client, publish, monkeypatch):
    from articles.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    stories = [publish(headline=f"Story {n}", hours_ago=n + 1) for n in range(5)]
    pages = [url for url in sitemap_locations(client, "/sitemap.xml") if "articles" in url]
    assert len(pages) == 3
    listed = [
        location
        for page in pages
        for location in sitemap_locations(client, page.removeprefix("http://news.example.org"))
    ]
    assert sorted(listed) == sorted(
        f"http://news.example.org{story.get_absolute_url()}" for story in stories
    )
