"""
Pictures of the media library in a body, kept as a reference (``<figure data-image="12">
</figure>``, the only attribute the sanitiser lets a figure keep) and drawn as the page
is rendered: the picture's renditions as ``srcset``, its alt text and caption (in the
story's language when the library has them) and the "Photo: …" line of the story's
credit style. A picture deleted from the library, or taken down with a withdrawn story,
draws nothing: never a broken image.
"""

import re

from django.template.loader import render_to_string
from django.utils.html import format_html

from library.models import LibraryImage
from library.renditions import renditions_for

PICTURE = re.compile(r'<figure data-image="(\d+)">\s*</figure>')


def picture_numbers(body):
    """The library pictures a body shows, in order, each once."""
    return list(dict.fromkeys(int(number) for number in PICTURE.findall(body or "")))


def pictures_of(body):
    """{number: LibraryImage} of the pictures a body shows that can still be shown."""
    numbers = picture_numbers(body)
    if not numbers:
        return {}
    found = (
        LibraryImage.objects.filter(pk__in=numbers)
        .select_related("photographer")
        .prefetch_related("texts")
    )
    return {picture.pk: picture for picture in found if not picture.is_withdrawn}


def with_pictures(body, article):
    """The body with its library pictures drawn for readers."""
    pictures = pictures_of(body)

    def draw(match):
        picture = pictures.get(int(match[1]))
        renditions = renditions_for(picture.file) if picture else []
        if not renditions:
            return ""
        caption, alt_text = picture.text_in(article.language)
        return render_to_string(
            "articles/includes/body_picture.html",
            {
                "picture": picture,
                "renditions": renditions,
                "largest": renditions[-1],
                "caption": caption,
                "alt_text": alt_text,
                "parts": article.picture_credit(picture),
            },
        ).strip()

    return PICTURE.sub(draw, body)


def for_partners(body, article, absolute):
    """The body as partners get it in ninjs: each picture as an image with its caption
    and credit at its full address (listed in ``associations`` too)."""
    pictures = pictures_of(body)

    def draw(match):
        picture = pictures.get(int(match[1]))
        if picture is None:
            return ""
        caption, alt_text = picture.text_in(article.language)
        by = picture.photographer.name if picture.photographer_id else picture.credit
        words = " ".join(part for part in (caption, f"Photo: {by}" if by else "") if part)
        return str(
            format_html(
                '<figure><img src="{}" alt="{}">{}</figure>',
                absolute(picture.file.url),
                alt_text,
                format_html("<figcaption>{}</figcaption>", words) if words else "",
            )
        )

    return PICTURE.sub(draw, body)
