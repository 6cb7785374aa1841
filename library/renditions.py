"""
Resized copies of lead images for readers, so pages never send the original upload.

Renditions are JPEG files named after the original and the width they were made
for (``renditions/lead/2026/11/<name>-960w.jpg``). They are made once, by a background
task when the picture is uploaded (tasks.py, tried again while the storage fails) or
on first use if a page comes first, and found again by name; the list per image is cached.

A picture Pillow cannot make renditions of (damaged, or of a shape no JPEG can hold)
is recorded beside where its renditions would be (``<name>.failed.txt``, saying why,
also logged as an error) and never tried again: the page shows no picture. Deleting
that file, or uploading the picture again, tries anew. Storage that cannot be read
for a moment is tried again after five minutes.
"""

import logging
import re
from io import BytesIO
from pathlib import PurePosixPath

from django.core.cache import cache
from django.core.files.base import ContentFile
from PIL import Image, ImageOps

WIDTHS = (480, 960, 1600)
CACHE_PREFIX = "articles:renditions:v1:"
JPEG_QUALITY = 82
RETRY_SECONDS = 300

logger = logging.getLogger(__name__)


class Rendition:
    def __init__(self, storage, name, width, height):
        self.storage = storage
        self.name = name
        self.width = width
        self.height = height

    @property
    def url(self):
        return self.storage.url(self.name)


def rendition_name(original_name, width, crop=""):
    path = PurePosixPath(original_name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}w{crop}.jpg")


def crop_suffix(shape, focal):
    """``-16x9-f30x40``: the shape cropped to and the focal point kept, in the name, so a
    moved focal point makes new renditions instead of serving the old crop."""
    if shape is None:
        return ""
    x, y = (round(share * 100) for share in focal)
    return f"-{shape[0]}x{shape[1]}-f{x}x{y}"


def failure_name(original_name):
    path = PurePosixPath(original_name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}.failed.txt")


def renditions_for(image_field, shape=None, focal=(0.5, 0.5)):
    """Renditions of an image field, smallest first; [] when there is no usable image.

    With a ``shape`` (16, 9) the picture is first cropped to it, keeping the ``focal``
    point (shares of width and height) as near the middle as the picture allows.
    """
    if not image_field:
        return []
    crop = crop_suffix(shape, focal)
    sizes = cache.get(CACHE_PREFIX + image_field.name + crop)
    if sizes is None:
        sizes = prepare(image_field.storage, image_field.name, shape, focal) or []
    storage = image_field.storage
    return [Rendition(storage, rendition_name(image_field.name, w, crop), w, h) for w, h in sizes]


def are_known(name):
    """Whether this image's renditions (or its recorded failure) are known already."""
    return cache.get(CACHE_PREFIX + name) is not None


def prepare(storage, name, shape=None, focal=(0.5, 0.5)):
    """Make the image's missing renditions and remember their sizes: [] after a recorded
    failure, None when the storage could not be read (asked again after RETRY_SECONDS)."""
    sizes = _sizes(storage, name, shape, focal)
    # Renditions and a recorded failure are kept; storage that failed is asked again.
    key = CACHE_PREFIX + name + crop_suffix(shape, focal)
    cache.set(key, sizes or [], None if sizes is not None else RETRY_SECONDS)
    return sizes


def discard(storage, original_name):
    """Delete every rendition made of this image (whatever widths it had) and forget them."""
    folder = PurePosixPath(rendition_name(original_name, 0)).parent
    stem = re.escape(PurePosixPath(original_name).stem)
    own = re.compile(rf"{stem}(-\d+w(-\d+x\d+-f\d+x\d+)?\.jpg|\.failed\.txt)")
    try:
        _, files = storage.listdir(str(folder))
    except FileNotFoundError:
        files = []
    for name in files:
        if own.fullmatch(name):
            storage.delete(str(folder / name))
    cache.delete(CACHE_PREFIX + original_name)  # crops are named after it, asked for no more


def _sizes(storage, name, shape=None, focal=(0.5, 0.5)):
    """(width, height) of each rendition, made when missing; [] after a recorded failure,
    None when the storage could not be read (try later)."""
    try:
        if storage.exists(failure_name(name)):
            return []
        with storage.open(name, "rb") as original:
            data = original.read()
    except Exception:
        logger.warning("Lead image %s could not be read; trying again later.", name, exc_info=True)
        return None
    try:
        image = ImageOps.exif_transpose(Image.open(BytesIO(data)))
        if shape is not None:
            image = cropped(image, shape, focal)
        # Never enlarge: an image narrower than a width is served at its own size.
        widths = sorted({min(width, image.width) for width in WIDTHS})
        sizes = [(width, max(1, round(image.height * width / image.width))) for width in widths]
        crop = crop_suffix(shape, focal)
        made = {size: _jpeg(image, size) for size in sizes if _missing(storage, name, size, crop)}
    except _StorageTrouble:
        return None
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"
        logger.error("No renditions can be made of lead image %s (%s).", name, reason)
        storage.save(failure_name(name), ContentFile(f"{reason}\n".encode()))
        return []
    for (width, _), content in made.items():
        storage.save(rendition_name(name, width, crop), ContentFile(content))
    return sizes


class _StorageTrouble(Exception):
    """The storage, not the picture, failed: try again later rather than record a failure."""


def _missing(storage, name, size, crop):
    try:
        return not storage.exists(rendition_name(name, size[0], crop))
    except Exception as error:
        logger.warning("Renditions of %s could not be looked for; trying again later.", name)
        raise _StorageTrouble from error


def cropped(image, shape, focal):
    """The largest part of the picture of this shape, its focal point as central as can be."""
    ratio = shape[0] / shape[1]
    width, height = image.size
    if width / height > ratio:
        new = max(1, round(height * ratio))
        left = min(max(0, round(focal[0] * width - new / 2)), width - new)
        return image.crop((left, 0, left + new, height))
    new = max(1, round(width / ratio))
    top = min(max(0, round(focal[1] * height - new / 2)), height - new)
    return image.crop((0, top, width, top + new))


def _jpeg(image, size):
    resized = image.convert("RGB").resize(size, Image.Resampling.LANCZOS)
    resized.info = {}  # a picture stored before uploads were cleaned may carry some
    buffer = BytesIO()
    resized.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()
