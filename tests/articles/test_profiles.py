"""Contributor profiles: photo, job title, bio per language, links, and their own feed."""

import json
import re

import pytest
from django.test import Client

from tests.factories import contributor, jpeg, library_picture


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def json_ld(html):
    return json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.fixture
def ann(db):
    person = contributor("Ann Lee")
    person.job_title = "Oslo correspondent"
    person.bio = "Ann covers the Nordic countries."
    person.bios = {"fr": "Ann couvre les pays nordiques."}
    person.website = "https://annlee.example.org/"
    person.social_links = "https://mastodon.example/@ann\nhttps://bsky.example/ann"
    person.photo = library_picture(600, 600, alt_text="Ann Lee at her desk")
    person.save()
    return person


def test_a_profile_shows_who_they_are_in_the_readers_language(client, ann):
    html = text(client.get("/contributor/ann-lee/"))
    assert '<h1 class="mb-1">Ann Lee</h1>' in html
    assert "Oslo correspondent" in html and "Ann covers the Nordic countries." in html
    assert 'class="profile-photo' in html and "/media/renditions/" in html
    assert (
        '<a href="https://mastodon.example/@ann" rel="me noopener">mastodon.example/@ann</a>'
        in html
    )
    assert 'href="/contributor/ann-lee/rss/"' in html
    assert "Ann couvre les pays nordiques." in text(client.get("/fr/contributor/ann-lee/"))


def test_a_profile_is_a_schema_org_profile_page_with_same_as(client, ann):
    data = json_ld(text(client.get("/contributor/ann-lee/")))
    assert data["@type"] == "ProfilePage"
    person = data["mainEntity"]
    assert person["@type"] == "Person" and person["name"] == "Ann Lee"
    assert person["jobTitle"] == "Oslo correspondent"
    assert person["sameAs"] == [
        "https://annlee.example.org/",
        "https://mastodon.example/@ann",
        "https://bsky.example/ann",
    ]
    assert person["image"].startswith("http://testserver/media/renditions/")


def test_a_profile_without_photo_or_links_says_only_what_it_has(client, db):
    contributor("Bo Ek")
    html = text(client.get("/contributor/bo-ek/"))
    assert "profile-photo" not in html and "profile-links" not in html
    assert "sameAs" not in json_ld(html)["mainEntity"]


def test_an_edited_profile_ends_its_cached_page(ann):
    assert "Oslo correspondent" in Client().get("/contributor/ann-lee/").content.decode()
    ann.job_title = "Chief correspondent"
    ann.save()
    assert "Chief correspondent" in Client().get("/contributor/ann-lee/").content.decode()


def admin_post(client, person, **changes):
    data = {
        "name": person.name,
        "slug": person.slug,
        "job_title": "",
        "bio": "",
        "bio_fr": "",
        "website": "",
        "social_links": "",
        "user": "",
        **changes,
    }
    return client.post(f"/admin/articles/contributor/{person.pk}/change/", data)


def test_the_photo_is_picked_from_the_media_library(client, make_user, db):
    client.force_login(make_user("boss", is_superuser=True))
    person = contributor("Bo Ek")
    response = admin_post(client, person, photo="999999")
    assert response.status_code == 200  # the form again, saying why
    assert "photo" in response.context["adminform"].form.errors
    portrait = library_picture(400, 400, alt_text="Bo Ek")
    response = admin_post(
        client, person, photo=str(portrait.pk), bio_fr="Bo écrit.", job_title="Editor"
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.bios == {"fr": "Bo écrit."} and person.job_title == "Editor"
    assert person.photo == portrait
    assert "profile-photo" in text(client.get("/contributor/bo-ek/"))


def test_links_must_be_web_addresses(client, make_user, db):
    client.force_login(make_user("boss", is_superuser=True))
    person = contributor("Bo Ek")
    response = admin_post(client, person, social_links="https://ok.example/bo\njavascript:alert(1)")
    assert response.status_code == 200
    assert "is not a web address" in str(response.context["adminform"].form.errors)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_profile_photos_from_before_move_into_the_media_library():
    from django.core.files.storage import default_storage
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from articles.models import Contributor

    before = [("articles", "0021_front_page_and_topic_permissions")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("articles", "Contributor")
    name = default_storage.save("people/2026/01/ann.jpg", jpeg(300, 300))
    ann = old.objects.create(name="Ann Lee", slug="ann-lee", photo=name)
    bo = old.objects.create(name="Bo Ek", slug="bo-ek")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    ann, bo = (Contributor.objects.get(pk=person.pk) for person in (ann, bo))
    assert ann.photo.file.name == name  # the same file, now a picture in the library
    assert ann.photo.alt_text == "Portrait of Ann Lee"
    assert bo.photo is None


@pytest.mark.parametrize(
    "address",
    [
        "http://annlee.example.org/",
        "https://evil.example\\@good.example/",
        "https://user:secret@good.example/",
        "https://good.example:8443/",
        "https://192.0.2.1/",
        "https://localhost/",
        "javascript:alert(1)//https://good.example/",
        "https://good.example/\u202eevil",
    ],
)
def test_a_link_is_https_at_a_real_host_on_save_and_on_display(client, make_user, address):
    client.force_login(make_user("boss", is_superuser=True))
    person = contributor("Bo Ek")
    for field in ("website", "social_links"):
        response = admin_post(client, person, **{field: address})
        assert response.status_code == 200, field  # the form again, saying why
        assert "is not a web address" in str(response.context["adminform"].form.errors[field])
    # Kept otherwise (an older row, a restored backup), it is not shown either.
    type(person).objects.filter(pk=person.pk).update(website=address, social_links=address)
    html = text(Client().get("/contributor/bo-ek/"))
    assert "profile-links" not in html and "sameAs" not in html


def test_a_link_typed_in_capitals_is_kept_and_shown_as_browsers_read_it(client, make_user):
    client.force_login(make_user("boss", is_superuser=True))
    person = contributor("Bo Ek")
    response = admin_post(
        client,
        person,
        website="HTTPS://Mixed.example/Bo",
        social_links="https://Mastodon.example/@bo\n\nbsky.example/bo",
    )
    assert response.status_code == 200  # no scheme on a social link: refused, saying why
    response = admin_post(
        client, person, website="Mixed.EXAMPLE", social_links="HTTPS://Mastodon.example/@bo\n"
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.website == "https://mixed.example/"
    assert person.social_links == "https://mastodon.example/@bo"
    type(person).objects.filter(pk=person.pk).update(website="HTTPS://Mixed.example/Bo")
    html = text(Client().get("/contributor/bo-ek/"))
    assert '<a href="https://mixed.example/Bo" rel="me noopener">mixed.example/Bo</a>' in html
    assert json_ld(html)["mainEntity"]["sameAs"] == [
        "https://mixed.example/Bo",
        "https://mastodon.example/@bo",
    ]
