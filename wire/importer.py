"""A parsed story saved as an article: created, or updated when it came in before."""

from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from articles.models import Article, Contributor, Section
from articles.models.taxonomy import name_problem

from .footers import read_footer
from .limits import fit_to_fields
from .live_ninjs import save_live_posts, without_post_credits
from .ninjs import parse_ninjs
from .story import BadStory, decode, parse_wire_text
from .subjects import add_topics, section_named

WIRE_DESK_USERNAME = "wire-desk"


@dataclass
class ImportResult:
    article: Article
    created: bool
    notes: list = field(default_factory=list)
    check: str = ""  # why the article's credits need checking, if they do


@dataclass
class ReadCredits:
    credits: list = field(default_factory=list)  # (role, name, place, language)
    style: object = None
    variant: dict = field(default_factory=dict)
    unread: list = field(default_factory=list)  # parts of the footer, as sent
    reason: str = ""


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
    read = read_credits(story)
    read.credits = without_post_credits(read.credits, story)
    notes = list(story.notes)
    if read.reason:
        notes.append(read.reason)
    read.credits = fit_to_fields(story, read.credits, notes)
    with transaction.atomic():
        article = find_article(story)
        created = article is None
        if created and not Article.may_write(by):
            raise PermissionDenied("You may not add articles.")
        people = [
            (role, Contributor.objects.for_name(name), place, language)
            for role, name, place, language in read.credits
        ]
        fields = _article_fields(story, read, section, article or Article(), notes)
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
        add_topics(story, article)
        notes += save_live_posts(story, article, by)
        if publish and not article.is_public:
            article.publish(by)
        elif not publish and article.status == Article.Status.DRAFT:
            article.submit(by)
    return ImportResult(article, created, notes, read.reason)


def find_article(story):
    """The article this story came in as before: ours, or by the agency's ids, else None."""
    if story.own_article:
        pk, path = story.own_article
        own = Article.objects.select_for_update().filter(pk=pk).first()
        if own and own.get_absolute_url() == path:
            return own
    for source_id in dict.fromkeys([story.source_id, *story.other_ids]):
        found = Article.objects.select_for_update().filter(source_id=source_id).first()
        if found:
            return found
    return None


def read_credits(story):
    """The story's credits; what cannot be read is kept aside, as sent, with the reason."""
    if story.footer:
        reading = read_footer(story.footer)
        read = ReadCredits(reading.credits, reading.style, reading.variant, reading.leftovers)
        if reading.leftovers:
            read.reason = (
                "Credit footer not fully read: "
                + "; ".join(
                    f"“{part}” ({why})"
                    for part, why in zip(reading.leftovers, reading.problems, strict=True)
                )
                + f". Footer as sent: {story.footer}"
            )
        return read
    read = ReadCredits()
    for credit in story.credits or []:
        if problem := name_problem(credit[1]):
            read.unread.append(credit[1])
            read.reason += f"“{credit[1]}” was not credited: {problem}. "
        else:
            read.credits.append(credit)
    read.reason = read.reason.strip()
    return read


def _article_fields(story, read, section, article, notes):
    """The article's fields as the story gives them; what the story lacks stays as it is."""
    translation_of = article.translation_of if article.translation_of_id else None
    if story.translation_of:
        translation_of = (
            Article.objects.filter(source_id=story.translation_of).first() or translation_of
        )
    language = story.language or (read.style.language if read.style else article.language)
    clash = translation_of and translation_of.translation_into(language, other_than=article.pk)
    if clash:
        notes.append(
            "Not linked to its original as a translation: "
            + translation_of.already_translated(language, clash)
        )
        translation_of = None
    known = article.notes.splitlines()
    style = read.style
    if style and article.pk and article.credit_style_for(article.credit_tuples())[0] == style:
        style = article.credit_style  # the same style, whether chosen or by language
    return {
        "headline": story.headline,
        "standfirst": story.standfirst,
        "body": story.html,
        "dateline_place": story.dateline_place,
        "dateline_agency": story.dateline_agency,
        "language": language,
        "credit_style_id": style.pk if style else None,
        "credit_variant": read.variant,
        "credits_to_check": "\n".join(read.unread),
        "credits_check_reason": read.reason[:500],
        "section": section or _section_for(story, article),
        "translation_of": translation_of,
        "notes": "\n".join([*known, *(n for n in notes if n not in known)]).strip(),
    }


def _section_for(story, article):
    if named := section_named(story):
        return named
    if article.section_id:
        return article.section
    section = Section.objects.first()
    if section is None:
        raise BadStory("There is no section to put the story in: create one first.")
    return section
