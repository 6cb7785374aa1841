"""
Resized copies of lead images for readers, so pages never send the original upload.

Renditions are JPEG files named after the original and the width they were made
for (``renditions/lead/2026/11/<name>-960w.jpg``). They are made once, on first
use, and found again by name; the list per image is cached.
"""

import re
from io import BytesIO
from pathlib import PurePosixPath

from django.core.cache import cache
from django.core.files.base import ContentFile
from PIL import Image, ImageOps

WIDTHS = (480, 960, 1600)
CACHE_PREFIX = "articles:renditions:v1:"
JPEG_QUALITY = 82


class Rendition:
    def __init__(self, storage, name, width, height):
        self.storage = storage
        self.name = name
        self.width = width
        self.height = height

    @property
    def url(self):
        return self.storage.url(self.name)


def rendition_name(original_name, width):
    path = PurePosixPath(original_name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}w.jpg")


def renditions_for(image_field):
    """Renditions of an image field, smallest first; [] when there is no usable image."""
    if not image_field:
        return []
    key = CACHE_PREFIX + image_field.name
    sizes = cache.get(key)
    if sizes is None:
        sizes = _make_missing(image_field)
        # An unreadable image is tried again later; good renditions are kept.
        cache.set(key, sizes, None if sizes else 300)
    storage = image_field.storage
    return [Rendition(storage, rendition_name(image_field.name, w), w, h) for w, h in sizes]


def discard(storage, original_name):
    """Delete every rendition made of this image (whatever widths it had) and forget them."""
    folder = PurePosixPath(rendition_name(original_name, 0)).parent
    own = re.compile(rf"{re.escape(PurePosixPath(original_name).stem)}-\d+w\.jpg")
    try:
        _, files = storage.listdir(str(folder))
    except FileNotFoundError:
        files = []
    for name in files:
        if own.fullmatch(name):
            storage.delete(str(folder / name))
    cache.delete(CACHE_PREFIX + original_name)


def _make_missing(image_field):
    storage = image_field.storage
    try:
        with storage.open(image_field.name, "rb") as original, Image.open(original) as image:
            image = ImageOps.exif_transpose(image)
            # Never enlarge: an image narrower than a width is served at its own size.
            widths = sorted({min(width, image.width) for width in WIDTHS})
            sizes = []
            for width in widths:
                height = max(1, round(image.height * width / image.width))
                name = rendition_name(image_field.name, width)
                if not storage.exists(name):
                    resized = image.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
                    resized.info = {}  # a picture stored before uploads were cleaned may carry some
                    buffer = BytesIO()
                    resized.save(
                        buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True
                    )
                    storage.save(name, ContentFile(buffer.getvalue()))
                sizes.append((width, height))
            return sizes
    except (OSError, ValueError, Image.DecompressionBombError):
        return []
