"""The media library: pictures uploaded once, described once, used as lead images."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from PIL import Image

from articles.models import Article
from library import renditions
from library.models import LibraryImage
from tests.factories import (
    change_url,
    contributor,
    form_values,
    jpeg,
    library_picture,
    with_lead_image,
)

LIBRARY = reverse("admin:library_libraryimage_changelist")


def half_red(width=2000, height=1000):
    """A picture whose right tenth is red, the rest blue: where a crop lands shows."""
    image = Image.new("RGB", (width, height), (0, 0, 200))
    image.paste((220, 0, 0), (width * 9 // 10, 0, width, height))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="red-edge.png")


def test_the_photographer_is_credited_under_the_picture_and_lists_it(client, publish):
    pia = contributor("Pia Holm")
    story = with_lead_image(publish(headline="Ice on the fjord", slug="ice"), photographer=pia)
    html = client.get(story.get_absolute_url()).content.decode()
    assert re.search(
        r'class="photo-credit">Photo: <a href="/contributor/pia-holm/">Pia Holm</a>', html
    )
    assert "Photo: Jane Lens" not in html  # the typed-in credit gives way to the photographer
    page = client.get(pia.get_absolute_url()).content.decode()
    assert "Snow on the border fence" in page and 'href="/articles/ice/"' in page
    (img,) = re.findall(r"<img [^>]*>", page.split("contributor-photos")[1])
    assert 'loading="lazy"' in img and 'alt="A fence in the snow"' in img
    assert "srcset=" in img and "480w" in img and 'sizes="' in img


def test_a_photographers_page_lists_only_pictures_readers_may_see(client, make_article):
    pia = contributor("Pia Holm")
    with_lead_image(make_article(headline="Draft"), photographer=pia, caption="Not yet")
    assert "Not yet" not in client.get(pia.get_absolute_url()).content.decode()


def test_without_a_photographer_the_typed_credit_shows(client, publish):
    story = with_lead_image(publish(headline="Harbour"), credit="Reuters")
    assert (
        '<span class="photo-credit">Reuters</span>'
        in client.get(story.get_absolute_url()).content.decode()
    )


def test_crops_keep_the_focal_point_in_the_frame(publish, client):
    picture = library_picture(focal_x=0.95, focal_y=0.5)
    picture.file.save("red-edge.png", half_red(), save=True)
    (square, *_) = renditions.renditions_for(picture.file, (1, 1), picture.focal_point)
    with default_storage.open(square.name) as stored, Image.open(stored) as image:
        assert image.width == image.height
        assert image.getpixel((image.width - 5, image.height // 2))[0] > 150  # red: the subject
        assert image.getpixel((5, image.height // 2))[2] > 150  # blue, the rest cut at the left
    centred = renditions.renditions_for(picture.file, (1, 1), (0.5, 0.5))[0]
    with default_storage.open(centred.name) as stored, Image.open(stored) as image:
        assert image.getpixel((image.width - 5, image.height // 2))[2] > 150  # the red cut off

    story = publish(headline="Red edge", slug="red-edge")
    story.lead_image = picture
    story.save()
    home = client.get("/").content.decode()
    width, height = re.search(
        r'-16x9-f95x50\.jpg" [^>]*width="(\d+)" height="(\d+)"', home
    ).groups()
    assert abs(int(width) / int(height) - 16 / 9) < 0.01


def test_moving_the_focal_point_makes_new_crops(publish):
    picture = library_picture()
    before = renditions.renditions_for(picture.file, (1, 1), picture.focal_point)
    picture.focal_x = 0.2
    after = renditions.renditions_for(picture.file, (1, 1), picture.focal_point)
    assert {r.name for r in before}.isdisjoint(r.name for r in after)


def test_editors_find_pictures_by_caption_photographer_and_date(client, editor):
    client.force_login(editor)
    library_picture(caption="Dockers at the gate", photographer=contributor("Pia Holm"))
    library_picture(caption="Snow on the border fence", credit="Reuters")
    for query, found, not_found in [
        ("dockers", "Dockers at the gate", "Snow on the border"),
        ("pia holm", "Dockers at the gate", "Snow on the border"),
        ("reuters", "Snow on the border", "Dockers at the gate"),
    ]:
        page = client.get(LIBRARY, {"q": query}).content.decode()
        assert found in page and not_found not in page, query
    picture = LibraryImage.objects.first()
    day = picture.uploaded_at
    page = client.get(
        LIBRARY,
        {
            "uploaded_at__year": day.year,
            "uploaded_at__month": day.month,
            "uploaded_at__day": day.day,
        },
    ).content.decode()
    assert "Dockers at the gate" in page and "Snow on the border fence" in page


def test_a_picture_without_alt_text_is_refused_and_keeps_what_was_typed(client, editor):
    client.force_login(editor)
    add = reverse("admin:library_libraryimage_add")
    data = form_values(client.get(add))
    data.update(file=jpeg(200, 100), caption="Dockers at the gate", alt_text="")
    response = client.post(add, data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert "Dockers at the gate</textarea>" in response.content.decode()
    assert not LibraryImage.objects.exists()


def test_a_focal_point_outside_the_picture_is_refused(client, editor):
    client.force_login(editor)
    add = reverse("admin:library_libraryimage_add")
    data = form_values(client.get(add))
    data.update(file=jpeg(200, 100), alt_text="Gate", focal_x="1.5")
    response = client.post(add, data)
    assert "less than or equal to 1.0" in response.content.decode()
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize("role", ["reporter", "editor"])
def test_the_lead_image_is_picked_from_the_library(client, request, role, make_article):
    user = request.getfixturevalue(role)
    client.force_login(user)
    story = make_article(headline="Dock strike", created_by=user)
    picture = library_picture(caption="Dockers at the gate")
    found = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "dockers",
            "app_label": "articles",
            "model_name": "article",
            "field_name": "lead_image",
        },
    ).json()
    assert [int(result["id"]) for result in found["results"]] == [picture.pk]
    data = form_values(client.get(change_url(story)))
    data["lead_image"] = picture.pk
    assert client.post(change_url(story), data).status_code == 302
    assert Article.objects.get(pk=story.pk).lead_image == picture


def test_a_picture_leading_a_story_cannot_be_deleted(client, editor, publish):
    client.force_login(editor)
    story = with_lead_image(publish(headline="Dock strike"))
    delete = reverse("admin:library_libraryimage_delete", args=[story.lead_image.pk])
    page = client.get(delete).content.decode()
    assert "would require deleting the following protected related objects" in page
    client.post(delete, {"post": "yes"})
    assert LibraryImage.objects.filter(pk=story.lead_image.pk).exists()


def test_changing_a_picture_ends_the_cached_pages_showing_it(settings, publish):
    settings.PAGE_CACHE_SECONDS = 300
    pia = contributor("Pia Holm")
    story = with_lead_image(publish(headline="Ice on the fjord"), photographer=pia)
    urls = [story.get_absolute_url(), "/", pia.get_absolute_url()]
    for url in urls:
        Client().get(url)
    assert all(Client().get(url)["X-Page-Cache"] == "hit" for url in urls)
    picture = story.lead_image
    picture.caption = "Ice breaking up on the fjord"
    picture.save()
    for url in urls:
        response = Client().get(url)
        assert response["X-Page-Cache"] == "miss", url
    assert "Ice breaking up on the fjord" in Client().get(story.get_absolute_url()).content.decode()


def test_a_story_going_live_ends_its_photographers_cached_page(settings, make_article, editor):
    settings.PAGE_CACHE_SECONDS = 300
    pia = contributor("Pia Holm")
    story = with_lead_image(make_article(headline="Ice"), photographer=pia, caption="Thin ice")
    Client().get(pia.get_absolute_url())
    assert Client().get(pia.get_absolute_url())["X-Page-Cache"] == "hit"
    story.publish(editor)
    assert "Thin ice" in Client().get(pia.get_absolute_url()).content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lead_images_from_before_move_into_the_library_with_nothing_lost(section):
    before = [("articles", "0014_builtin_roles_labels_and_places")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    old = old_apps.get_model("articles", "Article")
    name = default_storage.save("lead/2026/01/fence.jpg", jpeg(400, 200))
    story = old.objects.create(
        headline="Fence",
        slug="fence",
        section_id=section.pk,
        lead_image=name,
        lead_image_caption="Snow on the border fence",
        lead_image_alt="A fence in the snow",
        lead_image_credit="Photo: Jane Lens",
    )
    translation = old.objects.create(
        headline="Clôture",
        slug="cloture",
        section_id=section.pk,
        language="fr",
        translation_of=story,
        lead_image=name,
        lead_image_caption="La neige sur la clôture",
    )
    pia = old_apps.get_model("articles", "Contributor").objects.create(name="Pia Holm", slug="pia")
    old_apps.get_model("articles", "Credit").objects.create(
        article=story, contributor=pia, role="photography"
    )
    bare = old.objects.create(headline="No picture", slug="bare", section_id=section.pk)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    story, translation, bare = (Article.objects.get(pk=a.pk) for a in (story, translation, bare))
    picture = story.lead_image
    assert picture.file.name == name  # the same file, at the same address
    assert (picture.caption, picture.alt_text, picture.credit) == (
        "Snow on the border fence",
        "A fence in the snow",
        "Photo: Jane Lens",
    )
    assert picture.photographer.name == "Pia Holm"
    assert translation.lead_image == picture  # one file, one picture in the library
    assert bare.lead_image is None
    assert LibraryImage.objects.count() == 1


def test_the_picture_chooser_opened_as_a_page_is_a_whole_admin_page(client, editor):
    from tests.factories import library_picture

    library_picture()
    client.force_login(editor)
    url = reverse("admin:library_libraryimage_chooser")
    fetched = client.get(url).content.decode()
    assert "<html" not in fetched and "picture-chooser-title" in fetched  # for the dialog
    opened = client.get(url, headers={"Sec-Fetch-Dest": "document"}).content.decode()
    assert re.search(r'<html lang="[a-z-]+"', opened) and "<title>" in opened
    assert "picture-chooser-title" in opened


def test_the_picture_chooser_as_a_page_leads_somewhere(client, editor):
    """Without the editor's dialog, Close and the pictures would be buttons doing nothing."""
    from tests.factories import library_picture

    picture = library_picture()
    client.force_login(editor)
    url = reverse("admin:library_libraryimage_chooser")
    opened = client.get(url, headers={"Sec-Fetch-Dest": "document"}).content.decode()
    assert "data-close" not in opened and "data-pick" not in opened
    assert reverse("admin:library_libraryimage_changelist") in opened
    assert reverse("admin:library_libraryimage_change", args=[picture.pk]) in opened
    fetched = client.get(url).content.decode()
    assert "data-close" in fetched and f'data-pick="{picture.pk}"' in fetched
