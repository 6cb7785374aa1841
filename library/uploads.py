"""Uploaded images: checked for what they really are, and re-encoded without any metadata."""

import io
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, ImageOps

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
# Wider than the widest panorama a page shows: beyond it a picture is a line, whose
# renditions a JPEG cannot even hold (at most 65,500 pixels a side).
MAX_ASPECT_RATIO = 20


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def clean_image_upload(upload):
    """
    Refuse what is too big, not an image, a decompression bomb or a line, each with its
    reason; give back the picture re-encoded, so EXIF data such as GPS
    positions never reaches the public.
    """
    if upload.size > settings.MAX_IMAGE_UPLOAD_BYTES:
        raise ValidationError(
            f"This file is {_megabytes(upload.size)} MB; images may be at most "
            f"{_megabytes(settings.MAX_IMAGE_UPLOAD_BYTES)} MB.",
            code="too_large",
        )
    max_pixels = settings.MAX_IMAGE_PIXELS
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            image.verify()
            if image.width * image.height > max_pixels:
                raise Image.DecompressionBombError
            _check_shape(image.size)  # before decoding a line of forty million pixels
            upload.seek(0)
            image = Image.open(upload)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            f"This image has too many pixels: at most {max_pixels // 1_000_000} megapixels "
            "are accepted.",
            code="too_many_pixels",
        ) from None
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(
            "This file is not an image we can read. Upload a JPEG, PNG, GIF or WebP picture.",
            code="not_an_image",
        ) from None
    if image.format not in FORMATS:
        raise ValidationError(
            f"{image.format} images are not accepted. Upload a JPEG, PNG, GIF or WebP picture.",
            code="format",
        )
    kind = image.format
    image = ImageOps.exif_transpose(image)  # keep the orientation the camera meant
    image = without_metadata(image)
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, kind, **({"quality": 90} if kind in ("JPEG", "WEBP") else {}))
    extension = {"JPEG": ".jpg"}.get(kind, f".{kind.lower()}")
    return SimpleUploadedFile(f"upload{extension}", buffer.getvalue(), FORMATS[kind])


def _check_shape(size):
    width, height = size
    if max(size) > MAX_ASPECT_RATIO * min(size):
        raise ValidationError(
            f"This image is {width:,} × {height:,} pixels: one side may be at most "
            f"{MAX_ASPECT_RATIO} times the other. Crop it and upload it again.",
            code="aspect_ratio",
        )


# How the pixels are drawn, not who took them or where: kept through the re-encode.
DRAWING_INFO = {"transparency", "background"}


def without_metadata(image):
    """The picture with nothing but its pixels: no EXIF, XMP, comments, text or profile.

    Pillow writes back what it read into ``image.info`` (a GIF's or a JPEG's comment
    extension, a PNG's colour profile), so only what draws the picture stays. A colour
    profile, which can carry text of its own, is applied first: the colours stay right.
    """
    icc = image.info.get("icc_profile")
    if icc:
        image = _in_srgb(image, icc)
    image.info = {key: value for key, value in image.info.items() if key in DRAWING_INFO}
    return image


def _in_srgb(image, icc):
    if image.mode not in ("RGB", "RGBA", "CMYK"):
        return image  # no profile we could apply to it: dropped with the rest
    try:
        return ImageCms.profileToProfile(
            image,
            ImageCms.ImageCmsProfile(io.BytesIO(icc)),
            ImageCms.createProfile("sRGB"),
            outputMode="RGBA" if image.mode == "RGBA" else "RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile: dropped with the rest


class SafeImageField(forms.ImageField):
    def to_python(self, data):
        if data in self.empty_values:
            return None
        return clean_image_upload(data)
