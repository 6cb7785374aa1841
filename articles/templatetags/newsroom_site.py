import json
import re

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, gettext_noop

from library.renditions import renditions_for
from newsroom.pagecache import SITE, kept

from .. import bodypictures, cachetags, embeds
from ..models import BreakingNews, Section

register = template.Library()

# Credit roles as readers see them; listed here so they are translated.
ROLE_NAMES = [
    gettext_noop("Reporting"),
    gettext_noop("Additional reporting"),
    gettext_noop("Writing"),
    gettext_noop("Translation"),
    gettext_noop("Editing"),
    gettext_noop("Photography"),
    gettext_noop("Compiling"),
    gettext_noop("Video"),
    gettext_noop("Graphics"),
    gettext_noop("Fact-checking"),
]

# Inside <script> nothing may close the element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

FIRST_PARAGRAPH = re.compile(r"^\s*<p>", re.IGNORECASE)


@register.filter
def ld_json(data):
    """Emit data as a JSON-LD script element, safe whatever the strings contain."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


@register.simple_tag
def body_with_dateline(article):
    """The body, its first paragraph opening with the dateline: 'MOSCOW (Reuters) – '."""
    # Sanitised when saved; its library pictures drawn now (articles/bodypictures.py).
    body = with_embeds(bodypictures.with_pictures(article.body, article))
    place = article.dateline_place.strip()
    if not place:
        return mark_safe(body)
    agency = article.dateline_agency.strip()
    dateline = format_html(
        '<span class="dateline">{}{} –</span> ', place, f" ({agency})" if agency else ""
    )
    if FIRST_PARAGRAPH.match(body):
        return mark_safe(FIRST_PARAGRAPH.sub(lambda m: f"<p>{dateline}", body, count=1))
    return mark_safe(f"<p>{dateline}</p>{body}")


@register.filter
def with_embeds(body):
    """A sanitised body with addresses alone on a line made embeds (see articles/embeds.py)."""
    return mark_safe(embeds.with_embeds(body))


@register.filter
def language_name(code):
    """A language named in itself: 'Français', 'Deutsch'."""
    try:
        return get_language_info(code)["name_local"].capitalize()
    except KeyError:
        return code


@register.simple_tag
def lead_image_renditions(article, shape=""):
    """The lead picture's renditions; with a shape ("16:9"), cropped around its focal point."""
    if not article.lead_image_id:
        return []
    return picture_renditions(article.lead_image, shape)


@register.simple_tag
def picture_renditions(picture, shape=""):
    if not shape:
        return renditions_for(picture.file)
    across, down = (int(side) for side in shape.split(":"))
    return renditions_for(picture.file, (across, down), picture.focal_point)


@register.simple_tag
def picture_credit(article, picture):
    """[(text, contributor or None)]: the "Photo: …" line under a library picture."""
    return article.picture_credit(picture)


@register.simple_tag
def srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


@register.simple_tag
def navigation_sections():
    return kept(f"navigation:{translation.get_language()}", [SITE], _navigation)


def _navigation():
    sections = list(Section.objects.only("name", "names", "slug"))
    for section in sections:
        section.get_absolute_url()  # kept with it
    return sections


@register.filter
def iso_time(value):
    """ISO 8601 to the second: HTML's datetime attribute refuses microseconds."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.simple_tag(takes_context=True)
def absolute_url(context, location):
    """The full address of a path at the host the reader used (no sites framework here).

    A host the site does not serve gets the path alone: the error page answering such a
    request renders this tag too, and must not fail again on the same host.
    """
    try:
        return context["request"].build_absolute_uri(location)
    except DisallowedHost:
        return location


@register.simple_tag(takes_context=True)
def interface_languages(context):
    """This page in each interface language: its address, name, and whether it is this one.

    A story has one address, in its own language: from a story, each language's link leads
    to the story's version in that language that readers can see (itself, its original or a
    translation: the page's ``translations``), or to that language's front page.
    """
    request = context["request"]
    current = translation.get_language()
    match = getattr(request, "resolver_match", None)
    story = match is not None and match.url_name in ("detail", "preview")
    versions = {}
    if story and context.get("article") is not None:
        versions = {
            version.language: version.get_absolute_url()
            for version in context.get("translations", ())
        }
        versions[context["article"].language] = request.path
    links = []
    for code, name in settings.LANGUAGES:
        if code in versions:
            address = versions[code]
        elif story or match is None:
            with translation.override(code):
                address = reverse("articles:home")
        else:
            address = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": address, "current": code == current})
    return links


@register.simple_tag
def image_renditions(image_field):
    """Renditions of any picture field (a live post's, a contributor's photo), smallest first."""
    return renditions_for(image_field)


@register.filter
def link_label(address):
    """A link named by its site and path, without the scheme: "mastodon.social/@ann"."""
    return address.split("://", 1)[-1].removeprefix("www.").rstrip("/")


@register.simple_tag
def section_style(section):
    """The section's accent colour, for its labels and headings (validated as #rrggbb)."""
    if not section.colour:
        return ""
    return format_html(' style="--section-colour: {}"', section.colour)


@register.simple_tag
def breaking_news():
    """The banner readers see now, if any; pages showing it end when it changes or expires."""
    found = kept(
        "breaking-news",
        [cachetags.BREAKING, cachetags.EVERY_STORY],
        lambda: list(BreakingNews.objects.current().select_related("article")[:1]),
    )
    return found[0] if found else None
