"""The interface in the reader's chosen language: English at the root, French under /fr/."""

from django.test import Client


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_french_pages_live_under_fr_and_english_at_the_root(client, article, section):
    assert '<html lang="fr">' in text(client.get("/fr/"))
    assert '<html lang="fr">' in text(client.get(f"/fr/section/{section.slug}/"))
    # The browser's own setting no longer decides: the address does.
    assert '<html lang="en">' in text(client.get("/", HTTP_ACCEPT_LANGUAGE="fr"))


def test_a_switcher_leads_to_the_same_page_in_each_language(client, article, section):
    html = text(client.get(f"/section/{section.slug}/?page=1"))
    assert f'href="/fr/section/{section.slug}/?page=1" hreflang="fr" lang="fr">Français' in html
    french = text(client.get(f"/fr/section/{section.slug}/"))
    assert f'href="/section/{section.slug}/" hreflang="en" lang="en">English' in french
    assert 'lang="fr" aria-current="true">Français' in french


def test_list_pages_name_their_other_languages(client, article):
    html = text(client.get("/"))
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/">' in html


def test_menus_and_section_names_follow_the_interface_language(client, article, section):
    section.names = {"fr": "Monde"}
    section.save()
    french = text(client.get("/fr/"))
    assert ">Monde</a>" in french and 'aria-label="Langue"' in french
    assert f'href="/fr/section/{section.slug}/"' in french
    english = text(client.get("/"))
    assert ">World</a>" in english and ">Monde<" not in english


def test_a_renamed_section_ends_the_cached_french_pages(client, article, section):
    assert "Monde" not in Client().get("/fr/").content.decode()
    section.names = {"fr": "Monde"}
    section.save()
    assert "Monde" in Client().get("/fr/").content.decode()


def test_a_story_keeps_one_address_whatever_language_links_it(client, publish):
    story = publish(headline="Un article", language="fr")
    assert story.get_absolute_url() == f"/articles/{story.slug}/"
    html = text(client.get(story.get_absolute_url()))
    # Its page speaks French and links to the French pages around it.
    assert 'href="/fr/"' in html
    german = publish(headline="Ein Artikel", language="de")
    # No German interface: the pages around it are the English ones.
    html = text(client.get(german.get_absolute_url()))
    assert '<html lang="de">' in html and 'href="/de/' not in html
    assert f'href="/section/{german.section.slug}/"' in html


def test_section_names_per_language_are_edited_in_the_admin(client, section, make_user):
    admin = make_user("boss", is_superuser=True)
    client.force_login(admin)
    response = client.post(
        f"/admin/articles/section/{section.pk}/change/",
        {
            "name": "World",
            "slug": "world",
            "description": "",
            "position": 0,
            "comment_policy": "pre",
            "name_fr": "Monde",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    section.refresh_from_db()
    assert section.names == {"fr": "Monde"}


def test_sitemaps_list_section_pages_in_every_language(client, article, section):
    xml = text(client.get("/sitemap-sections.xml"))
    assert f"http://testserver/section/{section.slug}/" in xml
    assert f"http://testserver/fr/section/{section.slug}/" in xml
    assert 'hreflang="fr"' in xml


def test_pages_outside_the_public_site_follow_the_browser(client, make_user, db):
    client.force_login(make_user("boss", is_superuser=True))
    desk = client.get("/admin/articles/section/", HTTP_ACCEPT_LANGUAGE="fr")
    assert desk["Content-Language"] == "fr"
    broken = Client().get("/comments/confirm/not-a-link/", HTTP_ACCEPT_LANGUAGE="fr")
    assert broken.status_code == 400 and broken["Content-Language"] == "fr"
    english = Client().get("/comments/confirm/not-a-link/", HTTP_ACCEPT_LANGUAGE="en")
    assert english["Content-Language"] == "en"


def switcher_link(url, code, name, current=False):
    marked = ' aria-current="true"' if current else ""
    return f'href="{url}" hreflang="{code}" lang="{code}"{marked}>{name}</a>'


def test_from_a_story_the_switcher_leads_to_its_translation(client, publish, make_article):
    original = publish(headline="Asylum sought", slug="asylum")
    publish(headline="Asile demandé", slug="asile", language="fr", translation_of=original)
    english = text(client.get("/articles/asylum/"))
    assert switcher_link("/articles/asile/", "fr", "Français") in english
    assert switcher_link("/articles/asylum/", "en", "English", current=True) in english
    french = text(client.get("/articles/asile/"))
    assert switcher_link("/articles/asylum/", "en", "English") in french
    assert switcher_link("/articles/asile/", "fr", "Français", current=True) in french


def test_without_a_translation_readers_can_see_the_switcher_leads_to_the_front_page(
    client, publish, make_article
):
    original = publish(headline="Asylum sought", slug="asylum")
    make_article(headline="Asile", slug="asile", language="fr", translation_of=original)
    assert switcher_link("/fr/", "fr", "Français") in text(client.get("/articles/asylum/"))
