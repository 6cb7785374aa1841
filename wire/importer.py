"""A parsed story saved as an article: created, or updated when it came in before."""

import unicodedata
from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Contributor, Credit, Section, unique_slug

from .credits import parse_credit_line
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
    """Create or update the article for this story; raise BadStory or PermissionDenied."""
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
    with transaction.atomic(), reversion.create_revision():
        article = Article.objects.select_for_update().filter(source_id=story.source_id).first()
        created = article is None
        if created:
            if not by.has_perm("articles.add_article"):
                raise PermissionDenied("You may not add articles.")
            article = Article(
                source_id=story.source_id,
                slug=unique_slug(slugify(story.headline)[:240] or "wire-story"),
                created_by=by,
            )
        elif not article.can_be_edited_by(by):
            raise PermissionDenied(f"You may not update “{article.headline}”.")

        article.headline = story.headline
        article.standfirst = story.standfirst
        article.body = story.html
        article.dateline_place = story.dateline_place
        article.dateline_agency = story.dateline_agency
        article.language = story.language or (style.language if style else article.language)
        article.credit_style_id = style.pk if style else None
        article.section = section or _section_for(story, article)
        article.lead_image_caption = story.lead_image_caption or article.lead_image_caption
        article.lead_image_credit = story.lead_image_credit or article.lead_image_credit
        if story.translation_of:
            article.translation_of = (
                Article.objects.filter(source_id=story.translation_of).first()
                or article.translation_of
            )
        known = article.notes.splitlines()
        article.notes = "\n".join([*known, *(n for n in notes if n not in known)]).strip()
        if not created and article.is_public and not publish:
            article.updated_at = timezone.now()
        article.save()

        article.credits.all().delete()
        people = {name: contributor(name) for _, name, _, _ in credits}
        Credit.objects.bulk_create(
            Credit(
                article=article,
                contributor=people[name],
                role=role,
                place=place,
                language=language,
                position=position,
            )
            for position, (role, name, place, language) in enumerate(credits)
        )
        reversion.set_user(by)
        reversion.set_comment("Imported from the wire." if created else "Updated from the wire.")

        if publish:
            if article.is_public:
                article.updated_at = timezone.now()
                article.save(update_fields=["updated_at"])
            else:
                article.publish(by)
        elif article.status == Article.Status.DRAFT:
            article.submit(by)
    return ImportResult(article, created, notes)


def folded(name):
    """A name compared without case or accents: "Hénault" is "HENAULT"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


def contributor(name):
    """The contributor of this name, whatever its case or accents, else a new one."""
    base = slugify(name) or "contributor"
    candidates = Contributor.objects.filter(Q(slug__startswith=base) | Q(name__iexact=name))
    for candidate in candidates:
        if folded(candidate.name) == folded(name):
            return candidate
    slug, n = base[:140], 2
    while Contributor.objects.filter(slug=slug).exists():
        slug, n = f"{base[:140]}-{n}", n + 1
    return Contributor.objects.create(name=name, slug=slug)


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
