"""A parsed story saved as an article: created, or updated when it came in before."""

from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from articles.models import Article, Contributor, Section
from articles.models.taxonomy import name_problem

from . import versions
from .footers import read_footer
from .limits import fit_to_fields
from .live_ninjs import save_live_posts, without_post_credits
from .ninjs_read import parse_ninjs, parse_ninjs_items
from .story import BadStory, decode, parse_wire_text
from .subjects import add_topics, section_named

WIRE_DESK_USERNAME = "wire-desk"
IMPORT_PERMISSION = "wire.import_story"


@dataclass
class ImportResult:
    article: Article
    created: bool
    notes: list = field(default_factory=list)
    check: str = ""  # why the article's credits need checking, if they do
    kind: str = ""  # "created", "updated", "held" (waits for the desk) or "withdrawn"

    def __post_init__(self):
        self.kind = self.kind or ("created" if self.created else "updated")


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


def may_import(user):
    """Bring wire copy in by hand (the admin's *Import wire story*): editors, as the
    ``wire.import_story`` permission of their group says."""
    return Article.may_write(user) and user.has_perm(IMPORT_PERMISSION)


def read_story(data, name):
    """A Story from the bytes of a wire-copy text file or a ninjs JSON file."""
    text = decode(data, name)
    if name.lower().endswith(".json") or text.lstrip().startswith("{"):
        return parse_ninjs(text, name)
    return parse_wire_text(text, name)


def read_items(data, name):
    """Each item of a file, in order: a Story, a WirePicture, or the BadStory refusing that
    item (a content-API answer wraps several); BadStory when the file cannot be read."""
    text = decode(data, name)
    if name.lower().endswith(".json") or text.lstrip().startswith("{"):
        return parse_ninjs_items(text, name)
    return [parse_wire_text(text, name)]


def save_story(story, by, publish=False, section=None):
    """Create or update the article for this story, as the wire says; raise BadStory or
    PermissionDenied.

    An update goes through Article.edit(), as an editor's save does: a live story
    changed by the wire is updated for readers and its translations fall out of date.
    A kill notice withdraws the story; an older version, or one for a story the desk has
    changed since, never overwrites it (see versions.py).
    """
    if story.pubstatus == "canceled":
        return withdraw_story(story, by)
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
        if not created:
            versions.check_order(article, story)
            if why := versions.reason_to_hold(article, story):
                versions.hold(article, story, why)
                return ImportResult(article, False, [why, *notes], read.reason, kind="held")
        if story.embargoed and not Article.may_set_embargo(by):
            raise PermissionDenied("The wire sets an embargo, and you may not set one.")
        people = [
            (role, Contributor.objects.for_name(name), place, language)
            for role, name, place, language in read.credits
        ]
        fields = _article_fields(story, read, section, article or Article(), notes)
        if story.embargoed:
            fields["embargo_until"] = story.embargoed
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
        withheld = story.pubstatus == "withheld"
        if withheld:
            notes.append(
                "The agency withheld this version: kept in review until it sends a usable one."
            )
        if publish and not withheld and article.status != Article.Status.PUBLISHED:
            article.publish(by)
        elif article.status == Article.Status.DRAFT:
            article.submit(by)
        versions.remember(article, story)
    return ImportResult(article, created, notes, read.reason)


def withdraw_story(story, by):
    """A kill notice: the story it names withdrawn (410, kill notice, caches purged); never a
    new story. One never published goes back to draft with the kill in its notes."""
    with transaction.atomic():
        article = find_article(story)
        if article is None:
            raise BadStory(
                f"A kill notice for “{story.source_id}”, which never came in: there is no "
                "story to withdraw, and a kill notice never makes one."
            )
        kill = f"Kill notice from the wire ({story.source_id})."
        Status = Article.Status
        if article.status == Status.PUBLISHED:
            article.withdraw(by, note=kill)
            notes = ["The story was withdrawn: readers are told it is gone."]
        elif article.status == Status.WITHDRAWN:
            notes = ["The story had already been withdrawn."]
        else:
            if article.status == Status.REVIEW:
                article.return_to_reporter(by, note=f"{kill} Do not publish it.")
            article.edit(by, notes=f"{article.notes}\n{kill} Do not publish it.".strip())
            notes = ["The story was never published: back to draft, the kill in its notes."]
        article.refresh_from_db()
        versions.remember(article, story, words=False)
    return ImportResult(article, False, notes, kind="withdrawn")


def find_article(story):
    """The article this story came in as before: ours, or by the agency's ids, else None."""
    if story.own_article:
        pk, path = story.own_article
        own = Article.objects.select_for_update().filter(pk=pk).first()
        if own and own.get_absolute_url() == path:
            return own
    for source_id in versions.uris_of(story):
        found = Article.objects.select_for_update().filter(source_id=source_id).first()
        if found:
            return found
    return versions.article_by_uri(story, Article.objects.select_for_update(of=("self",)))


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
