"""schema.org NewsArticle for an article page, built as plain data and serialised once."""

from django.conf import settings

from library.renditions import renditions_for

from . import extensions
from .models import Role

AUTHOR_ROLES = {Role.REPORTING, Role.ADDITIONAL_REPORTING, Role.WRITING}


def person(request, contributor):
    return {
        "@type": "Person",
        "name": contributor.name,
        "url": request.build_absolute_uri(contributor.get_absolute_url()),
    }


def profile_page(request, contributor):
    """schema.org ProfilePage of a contributor: who they are, and their pages elsewhere."""
    about = person(request, contributor)
    if contributor.job_title:
        about["jobTitle"] = contributor.job_title
    if bio := contributor.local_bio:
        about["description"] = bio
    if contributor.photo_id and (renditions := renditions_for(contributor.photo.file)):
        about["image"] = request.build_absolute_uri(renditions[-1].url)
    if links := contributor.links:
        about["sameAs"] = links
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": request.build_absolute_uri(contributor.get_absolute_url()),
        "mainEntity": about,
    }


def news_article(request, article, original=None):
    """``original`` is the published original of a translation, if readers can see it.
    Other apps add theirs (a live story is a LiveBlogPosting: live/structured_data.py)."""
    credits = list(article.credits.all())

    def people(roles):
        seen, found = set(), []
        for credit in credits:
            if credit.role in roles and credit.contributor_id not in seen:
                seen.add(credit.contributor_id)
                found.append(person(request, credit.contributor))
        return found

    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.standfirst,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "inLanguage": article.language,
        "articleSection": article.section.name,
        "datePublished": (article.first_published_at or article.publish_at),
        "dateModified": article.updated_at or article.publish_at,
        "author": people(AUTHOR_ROLES),
        "publisher": {
            "@type": "Organization",
            "name": settings.NEWSROOM_NAME,
            "url": request.build_absolute_uri("/"),
        },
    }
    if topics := list(article.topics.all()):
        data["keywords"] = [topic.local_name for topic in topics]
        data["about"] = [
            {
                "@type": "Thing",
                "name": topic.local_name,
                "url": request.build_absolute_uri(topic.get_absolute_url()),
            }
            for topic in topics
        ]
    if editors := people({Role.EDITING}):
        data["editor"] = editors
    if translators := people({Role.TRANSLATION}):
        data["translator"] = translators
    if article.lead_image_id and (renditions := renditions_for(article.lead_image.file)):
        data["image"] = [request.build_absolute_uri(r.url) for r in renditions]
    if corrections := list(article.corrections.all()):
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": correction.published_at.isoformat(),
                "url": request.build_absolute_uri(correction.get_absolute_url()),
            }
            for correction in corrections
        ]
    if original is not None:
        url = request.build_absolute_uri(original.get_absolute_url())
        data["isBasedOn"] = url
        # schema.org's own name for what a translation is of, read by search engines.
        data["translationOfWork"] = {
            "@type": "NewsArticle",
            "@id": url,
            "url": url,
            "headline": original.headline,
            "inLanguage": original.language,
        }
    for key in ("datePublished", "dateModified"):
        if data[key] is not None:
            data[key] = data[key].isoformat()
    for extension in extensions.registered():
        extension.structured_data(request, article, data)
    return data
