import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse_lazy
from PIL import Image, ImageCms, PngImagePlugin

from library.models import LibraryImage
from tests.factories import form_values

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def picture(size=(64, 48), kind="JPEG", gps=False):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "PhoneMaker"
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (59.0, 54.0, 0.0), 3: "E", 4: (10.0, 45.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, kind, exif=exif)
    return buffer.getvalue()


ADD = reverse_lazy("admin:library_libraryimage_add")


def upload(client, content, name="photo.jpg"):
    """A picture put in the media library, as an editor does."""
    data = form_values(client.get(ADD))
    data.update(file=SimpleUploadedFile(name, content), alt_text="A red square")
    data["caption"] = "Typed caption"
    return client.post(ADD, data)


def library_file():
    return LibraryImage.objects.get().file


@pytest.fixture(autouse=True)
def desk(client, editor):
    client.force_login(editor)


def test_published_image_has_no_gps_and_a_generated_name(client):
    response = upload(client, picture(gps=True), name="my holiday IMG_0042.jpg")
    assert response.status_code == 302
    assert "IMG_0042" not in library_file().name
    assert library_file().name.startswith("library/") and library_file().name.endswith(".jpg")
    with Image.open(library_file().path) as stored:
        exif = stored.getexif()
        assert not exif.get_ifd(GPS_IFD) and 0x010F not in exif
        assert stored.size == (64, 48)


HOME = "12 Rue des Lilas, Lyon"


def picture_with_metadata(kind):
    """A picture carrying the photographer's address in every block its format has."""
    image = Image.new("RGB", (40, 30), (200, 30, 30))
    exif = Image.Exif()
    exif[0x013B] = HOME  # Artist
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>{HOME}</rdf:RDF></x:xmpmeta>'.encode()
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", HOME)
    text.add_itxt("Comment", HOME)
    blocks = {
        "JPEG": {"exif": exif, "comment": HOME, "xmp": xmp, "icc_profile": profile},
        "PNG": {"exif": exif, "pnginfo": text, "icc_profile": profile},
        "GIF": {"comment": HOME},
        "WEBP": {"exif": exif, "xmp": xmp, "icc_profile": profile},
    }
    buffer = io.BytesIO()
    image.save(buffer, kind, **blocks[kind])
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "GIF", "WEBP"])
def test_every_metadata_block_is_stripped_whatever_the_format(client, kind):
    content = picture_with_metadata(kind)
    assert HOME.encode() in content
    response = upload(client, content, name=f"photo.{kind.lower()}")
    assert response.status_code == 302
    stored = library_file().read()
    assert HOME.encode() not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == kind
        found = set(image.info) & {"comment", "exif", "xmp", "icc_profile", "Author", "Comment"}
        assert found == set()


def test_a_picture_with_a_colour_profile_keeps_its_colours(client):
    image = Image.new("RGB", (8, 8), (200, 30, 30))
    buffer = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    image.save(buffer, "PNG", icc_profile=srgb.tobytes())
    assert upload(client, buffer.getvalue(), name="red.png").status_code == 302
    with Image.open(library_file().path) as stored:
        assert "icc_profile" not in stored.info
        red, green, blue = stored.convert("RGB").getpixel((4, 4))
        assert abs(red - 200) <= 2 and green <= 35 and blue <= 35


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        (b"%PDF-1.4 not a picture", "photo.jpg", "not an image we can read"),
        (picture(kind="BMP"), "photo.bmp", "BMP images are not accepted"),
    ],
)
def test_refused_uploads_say_why_and_keep_what_was_typed(client, content, name, reason):
    response = upload(client, content, name)
    assert response.status_code == 200
    page = response.content.decode()
    assert reason in page
    assert "Typed caption</textarea>" in page
    assert not LibraryImage.objects.exists()


def test_too_large_a_file_is_refused(client, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 1024 * 1024
    response = upload(client, picture() + b"\0" * 1024 * 1024)
    assert "images may be at most 1 MB" in response.content.decode()
    assert not LibraryImage.objects.exists()


def test_decompression_bomb_is_refused(client, settings):
    settings.MAX_IMAGE_PIXELS = 1_000_000
    response = upload(client, picture(size=(2000, 1000), kind="PNG"), "huge.png")
    assert "too many pixels" in response.content.decode()
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize("size", [(1, 40_000), (40_000, 1), (2100, 100)])
def test_a_picture_of_an_absurd_shape_is_refused(client, size):
    response = upload(client, picture(size=size, kind="PNG"), "line.png")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"This image is {size[0]:,} × {size[1]:,} pixels" in page
    assert "at most 20 times the other" in page and "Typed caption</textarea>" in page
    assert not LibraryImage.objects.exists()


def test_a_long_panorama_is_accepted(client):
    assert upload(client, picture(size=(2000, 100), kind="PNG"), "pano.png").status_code == 302
