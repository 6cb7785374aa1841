"""
IPTC ninjs 2.2 (News in JSON) out of an article, for partners and aggregators.

Credits travel twice: as `by`, the credit line as readers see it, which the
importer reads back with the credit styles (so roles, places and translation
languages survive), and as `infosources`, one per credited contributor with
their role, for systems that do not read our credit lines. `people` is what
the story is about, so credits never go there. The plain-text body opens with
the dateline the way wire copy does, so the dateline travels with the text.
"""

from reversion.models import Version

from articles import bodypictures, embeds
from articles.html import html_to_text
from articles.models import ReaderState

from .subjects import subjects_of

NINJS_VERSION = "2.2"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#"


def pubstatus(article):
    state = article.reader_state
    if state == ReaderState.WITHDRAWN:
        return "canceled"
    if state != ReaderState.LIVE:
        return "withheld"  # embargoed or scheduled: for partners, not yet for readers
    return "usable"


def picture_to_ninjs(article, picture, absolute, name="lead image"):
    """A library picture as a ninjs association: address, caption, alt text and credit."""
    url = absolute(picture.file.url)
    image = {
        "name": name,
        "uri": url,
        "type": "picture",
        "renditions": [{"name": "original", "href": url}],
    }
    caption, alt_text = picture.text_in(article.language)
    descriptions = [
        {"role": role, "contenttype": "text/plain", "value": value}
        for role, value in (("caption", caption), ("alt", alt_text))
        if value
    ]
    if descriptions:
        image["descriptions"] = descriptions
    # The photographer's name as partners credit it: no "Photo:" label of our style.
    if by := picture.photographer.name if picture.photographer_id else picture.credit:
        image["by"] = by
    return image


def pictures_to_ninjs(article, absolute):
    """The lead picture, then every library picture of the body, each once."""
    associations = []
    if article.lead_image_id and not article.lead_image.is_withdrawn:
        associations.append(picture_to_ninjs(article, article.lead_image, absolute))
    in_body = bodypictures.pictures_of(article.body)
    numbers = bodypictures.picture_numbers(article.body)
    shown = [in_body[n] for n in numbers if n in in_body and n != article.lead_image_id]
    for count, picture in enumerate(shown, start=1):
        associations.append(picture_to_ninjs(article, picture, absolute, name=f"picture {count}"))
    return associations


def richtext(article, absolute):
    """The body's HTML for partners: its pictures as images, its embeds as links."""
    body = bodypictures.for_partners(article.body, article, absolute)
    return embeds.as_links(body)


def article_to_ninjs(article, absolute):
    """The article as a ninjs dict; `absolute` turns a path into a full URL."""
    uri = absolute(article.get_absolute_url())
    standard = {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA}
    version = str(Version.objects.get_for_object(article).count() or 1)
    if pubstatus(article) == "canceled":
        # A kill notice: enough for partners to find the story and take it down, nothing
        # of what it said (words, pictures, people) once it is withdrawn.
        return {
            "uri": uri,
            "standard": standard,
            "version": version,
            "versioncreated": _timestamp(article.modified_at),
            "pubstatus": "canceled",
        }
    item = {
        "uri": uri,
        "standard": standard,
        "type": "text",
        "representationtype": "full",
        "version": version,
        "firstcreated": _timestamp(article.first_published_at or article.created_at),
        "versioncreated": _timestamp(
            article.updated_at or article.first_published_at or article.created_at
        ),
        "pubstatus": pubstatus(article),
        "language": article.language,
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": article.headline}],
    }
    if article.is_embargoed:
        item["embargoed"] = _timestamp(article.embargo_until)
    if article.standfirst:
        item["descriptions"] = [
            {"role": "summary", "contenttype": "text/plain", "value": article.standfirst}
        ]
    paragraphs = html_to_text(article.body).splitlines()
    if paragraphs and article.dateline_place:
        agency = f" ({article.dateline_agency})" if article.dateline_agency else ""
        paragraphs[0] = f"{article.dateline_place}{agency} – {paragraphs[0]}"
    item["bodies"] = [
        {"role": "main", "contenttype": "text/plain", "value": "\n\n".join(paragraphs)},
        {"role": "richtext", "contenttype": "text/html", "value": richtext(article, absolute)},
    ]
    if line := article.credit_line:
        item["by"] = line
    if credits := list(article.credits.all()):
        item["infosources"] = infosources(credits, absolute)
    if article.dateline_place:
        item["located"] = article.dateline_place
    item["subjects"] = subjects_of(article, absolute)
    if associations := pictures_to_ninjs(article, absolute):
        item["associations"] = associations
    item["altids"] = [{"role": "newsroom", "value": str(article.pk)}]
    if article.source_id:
        item["altids"].append({"role": "source", "value": article.source_id})
    original = article.translation_of if article.translation_of_id else None
    # Only an original readers may see: as on the page, never a draft or embargoed story.
    if original is not None and original.is_public:
        item["altids"].append(
            {
                "role": "translation-of",
                "value": original.source_id or absolute(original.get_absolute_url()),
            }
        )
    return item


def _timestamp(moment):
    return moment.isoformat().replace("+00:00", "Z")


def infosources(credits, absolute):
    """Who is credited, by role, each with their page: ninjs ``infosources``."""
    return [
        {
            "name": credit.contributor.name,
            "role": credit.role,
            "uri": absolute(credit.contributor.get_absolute_url()),
        }
        for credit in credits
    ]
