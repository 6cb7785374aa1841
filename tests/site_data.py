"""Pictures for the public site's tests."""

import io

from django.core.files.base import ContentFile
from PIL import Image


def jpeg(width=2000, height=1000, colour=(90, 120, 160)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name="photo.jpg")


def with_lead_image(article, width=2000, height=1000):
    article.lead_image.save("photo.jpg", jpeg(width, height), save=False)
    article.lead_image_caption = "Snow on the border fence"
    article.lead_image_alt = "A fence in the snow"
    article.lead_image_credit = "Photo: Jane Lens"
    article.save()
    return article
