"""Articles in every state readers must or must not see, for the public site's tests."""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

HIDDEN_STATES = ("draft", "review", "scheduled", "embargoed", "withdrawn")


def state_fields(state):
    now = timezone.now()
    past = now - timedelta(hours=3)
    return {
        "published": {"status": "published", "publish_at": past, "first_published_at": past},
        "draft": {"status": "draft"},
        "review": {"status": "review"},
        "scheduled": {
            "status": "published",
            "publish_at": now + timedelta(days=1),
            "first_published_at": now + timedelta(days=1),
        },
        "embargoed": {
            "status": "published",
            "publish_at": past,
            "first_published_at": past,
            "embargo_until": now + timedelta(hours=2),
        },
        "withdrawn": {"status": "withdrawn", "publish_at": past, "first_published_at": past},
    }[state]


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
