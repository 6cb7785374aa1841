"""A parsed story saved as an article: created, or updated when it came in before."""

from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from articles.models import Article, Contributor, Section

from .credits import parse_credit_line
from .limits import fit_to_fields
from .ninjs import parse_ninjs
from .story import BadStory, decode, parse_wire_text

WIRE_DESK_USERNAME = "wire-desk"


@dataclass
class ImportResult:
    article: Article
    created: bool
    notes: list = field(default_factory=list)


def wire_desk_user():
    """The account imports from the command line are recorded under; it cannot log in."""
    user, created = User.objects.get_or_create(
        username=WIRE_DESK_USERNAME, defaults={"first_name": "Wire", "last_name": "desk"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        editors = Group.objects.filter(name="Editors").first()
        if editors:
            user.groups.add(editors)
    return user


def read_story(data, name):
    """A Story from the bytes of a wire-copy text file or a ninjs JSON file."""
    text = decode(data, name)
    if name.lower().endswith(".json") or text.lstrip().startswith("{"):
        return parse_ninjs(text, name)
    return parse_wire_text(text, name)


def save_story(story, by, publish=False, section=None):
    """Create or update the article for this story; raise BadStory or PermissionDenied.

    An update goes through Article.edit(), as an editor's save does: a live story
    changed by the wire is updated for readers and its translations fall out of date.
    """
    notes, credits, style = _credits_and_notes(story)
    credits = fit_to_fields(story, credits, notes)
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(source_id=story.source_id).first()
        created = article is None
        if created and not by.has_perm("articles.add_article"):
            raise PermissionDenied("You may not add articles.")
        people = [
            (role, Contributor.objects.for_name(name), place, language)
            for role, name, place, language in credits
        ]
        fields = _article_fields(story, style, section, article or Article(), notes)
        if created:
            with reversion.create_revision():
                article = Article.objects.create(
                    source_id=story.source_id,
                    slug=Article.objects.unique_slug(slugify(story.headline)[:240] or "wire-story"),
                    created_by=by,
                    **fields,
                )
                article.set_credits(people)
                reversion.set_user(by)
                reversion.set_comment("Imported from the wire.")
        else:
            article.edit(by, credits=people, reason="Updated from the wire.", **fields)
        if publish and not article.is_public:
            article.publish(by)
        elif not publish and article.status == Article.Status.DRAFT:
            article.submit(by)
    return ImportResult(article, created, notes)


def _credits_and_notes(story):
    """The story's credits, its credit style, and notes for what could not be read."""
    notes = list(story.notes)
    credits, style = story.credits or [], None
    if story.footer:
        parsed = parse_credit_line(story.footer)
        if parsed.credits:
            credits, style = parsed.credits, parsed.style
        if parsed.leftovers:
            notes.append(
                "Credit footer only partly understood; not imported as credits: "
                + " | ".join(f"“{part}”" for part in parsed.leftovers)
                + f". Footer as written: {story.footer}"
            )
    return notes, credits, style


def _article_fields(story, style, section, article, notes):
    """The article's fields as the story gives them; what the story lacks stays as it is."""
    translation_of = article.translation_of if article.translation_of_id else None
    if story.translation_of:
        translation_of = (
            Article.objects.filter(source_id=story.translation_of).first() or translation_of
        )
    language = story.language or (style.language if style else article.language)
    clash = translation_of and translation_of.translation_into(language, other_than=article.pk)
    if clash:
        notes.append(
            "Not linked to its original as a translation: "
            + translation_of.already_translated(language, clash)
        )
        translation_of = None
    known = article.notes.splitlines()
    return {
        "headline": story.headline,
        "standfirst": story.standfirst,
        "body": story.html,
        "dateline_place": story.dateline_place,
        "dateline_agency": story.dateline_agency,
        "language": language,
        "credit_style_id": style.pk if style else None,
        "section": section or _section_for(story, article),
        "lead_image_caption": story.lead_image_caption or article.lead_image_caption,
        "lead_image_credit": story.lead_image_credit or article.lead_image_credit,
        "translation_of": translation_of,
        "notes": "\n".join([*known, *(n for n in notes if n not in known)]).strip(),
    }


def _section_for(story, article):
    if story.section_name:
        named = Section.objects.filter(name__iexact=story.section_name).first()
        if named:
            return named
    if article.section_id:
        return article.section
    section = Section.objects.first()
    if section is None:
        raise BadStory("There is no section to put the story in: create one first.")
    return section
