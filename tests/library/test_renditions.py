"""Lead images reach readers only as renditions, each made once and stored."""

import re

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from PIL import Image

from library import renditions
from tests.factories import stored_picture, with_lead_image


@pytest.fixture
def pictured(publish):
    article = publish(
        headline="Border fence in the snow",
        slug="fence",
        hours_ago=1,
        credits=[("photography", "Jane Lens", "Narva", "")],
    )
    return with_lead_image(article)


def reader_pages(article):
    return [
        "/",
        article.section.get_absolute_url(),
        "/contributor/jane-lens/",
        "/search/?q=fence",
        article.get_absolute_url(),
    ]


def test_no_page_sends_the_original_upload(client, pictured):
    original = pictured.lead_image.file.url
    for url in reader_pages(pictured):
        assert original not in client.get(url).content.decode(), url
    for url in ("/", pictured.get_absolute_url()):  # the pages that show the photo
        html = client.get(url).content.decode()
        assert re.search(r'srcset="/media/renditions/library/\S+-480w\S*\.jpg 480w', html), url


def test_social_cards_and_structured_data_use_a_rendition(client, pictured):
    html = client.get(pictured.get_absolute_url()).content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert og_image.endswith("-1600w.jpg")
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "-1600w.jpg" in json_ld.group(1)
    assert pictured.lead_image.file.name not in json_ld.group(1)


def test_renditions_are_stored_resized_jpegs(client, pictured):
    client.get(pictured.get_absolute_url())
    for width in renditions.WIDTHS:
        name = renditions.rendition_name(pictured.lead_image.file.name, width)
        with default_storage.open(name) as stored, Image.open(stored) as image:
            assert image.format == "JPEG" and image.width == width


def test_renditions_are_made_once(client, pictured, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 0
    saved = []
    save = default_storage.save
    monkeypatch.setattr(
        default_storage,
        "save",
        lambda name, content, **kw: saved.append(name) or save(name, content, **kw),
    )
    client.get(pictured.get_absolute_url())
    assert len(saved) == len(renditions.WIDTHS)
    client.get("/")  # the home page's crop, once too
    assert len(saved) == 2 * len(renditions.WIDTHS)

    saved.clear()
    cache.clear()  # even with the list of sizes forgotten, stored files are found again
    for url in reader_pages(pictured):
        client.get(url)
    assert saved == []


def test_renditions_of_a_picture_stored_with_metadata_carry_none(client, publish):
    """Pictures stored before uploads were cleaned: what readers get is clean all the same."""
    import io

    from django.core.files.base import ContentFile

    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (20, 90, 160)).save(buffer, "JPEG", comment="12 Rue des Lilas")
    article = publish(headline="Old picture", slug="old-picture")
    article.lead_image = stored_picture("old.jpg", ContentFile(buffer.getvalue()))
    article.save()
    client.get(article.get_absolute_url())
    for rendition in renditions.renditions_for(article.lead_image.file):
        with default_storage.open(rendition.name) as stored:
            assert b"Rue des Lilas" not in stored.read()


def test_a_picture_no_rendition_can_be_made_of_is_recorded_and_not_tried_again(
    client, publish, monkeypatch, caplog
):
    import io

    from django.core.files.base import ContentFile

    buffer = io.BytesIO()
    Image.new("L", (1, 70_000)).save(buffer, "PNG")  # stored before shapes were checked
    article = publish(headline="A line", slug="line")
    article.lead_image = stored_picture("line.png", ContentFile(buffer.getvalue()))
    article.save()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200 and "/media/renditions/" not in response.content.decode()
    record = renditions.failure_name(article.lead_image.file.name)
    assert default_storage.exists(record)
    with default_storage.open(record) as stored:
        assert stored.read().strip()  # says why
    assert "No renditions can be made of lead image" in caplog.text

    def tried(*args, **kwargs):
        raise AssertionError("tried again")

    monkeypatch.setattr(renditions.Image, "open", tried)
    cache.clear()  # even with the cache forgotten (another server, a restart)
    assert renditions.renditions_for(article.lead_image.file) == []


def test_storage_that_cannot_be_read_is_asked_again_later(pictured, monkeypatch):
    def away(*args, **kwargs):
        raise OSError("the bucket is away")

    monkeypatch.setattr(default_storage, "open", away)
    assert renditions.renditions_for(pictured.lead_image.file) == []
    monkeypatch.undo()
    assert not default_storage.exists(renditions.failure_name(pictured.lead_image.file.name))
    cache.clear()
    assert len(renditions.renditions_for(pictured.lead_image.file)) == len(renditions.WIDTHS)
