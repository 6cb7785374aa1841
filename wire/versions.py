"""
The versions of one wire story: which article they belong to, in what order they may
change it, and when one waits for the desk instead.

- An older version (the agency's ``versioncreated`` earlier than the newest one received)
  never replaces a newer one: it is refused, with both times.
- A story an editor has changed since the wire last wrote it is not overwritten: the new
  version waits beside it as a ``HeldVersion``, to compare and apply or dismiss.
- A version the agency withholds never reaches readers of a published story: it waits too.
"""

import hashlib

from django.db.models import Q
from django.utils import timezone

from .models import HeldVersion, WireStory
from .story import BadStory

EDITED_BY_DESK = "held: edited by desk since the wire's last version"
WITHHELD = "held: the agency withheld this version (pubstatus “withheld”)"


def words_hash(headline, standfirst, body):
    """Of what an editor changes in a story: its headline, standfirst and body."""
    return hashlib.sha256("\x1f".join([headline, standfirst, body]).encode()).hexdigest()


def article_words(article):
    return words_hash(article.headline, article.standfirst, article.body)


def uris_of(story):
    return list(dict.fromkeys(u for u in [story.source_id, *story.other_ids, *story.replaces] if u))


def article_by_uri(story, queryset):
    """The article any of the story's uris (or the versions it replaces) came in as."""
    match = Q()
    for uri in uris_of(story):
        match |= Q(wire_story__uris__contains=f"\n{uri}\n")
    return queryset.filter(match).first() if match else None


def when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S %Z")


def check_order(article, story):
    """BadStory when the story is an older version than the article already has."""
    wire = WireStory.objects.filter(article=article).first()
    newest = wire and wire.version_created
    if newest and story.version_created and story.version_created < newest:
        raise BadStory(
            f"An older version of “{article.headline}”: sent as of "
            f"{when(story.version_created)}, but the version of {when(newest)} came in "
            "before it. An older version never replaces a newer one; nothing was changed."
        )


def reason_to_hold(article, story):
    """Why this version may not change the article as it is, or ""."""
    wire = WireStory.objects.filter(article=article).first()
    if wire and wire.words_hash and wire.words_hash != article_words(article):
        return EDITED_BY_DESK
    if story.pubstatus == "withheld" and article.status == article.Status.PUBLISHED:
        return WITHHELD
    return ""


def hold(article, story, why):
    held = HeldVersion.objects.create(
        article=article,
        version_created=story.version_created,
        headline=story.headline,
        standfirst=story.standfirst,
        body=story.html,
        why=why,
    )
    remember(article, story, words=False)
    return held


def remember(article, story, words=True):
    """Keep what the wire said of this version; ``words``: it is what the article now says."""
    wire, _ = WireStory.objects.get_or_create(article=article)
    known = [u for u in wire.uris.split("\n") if u]
    wire.uris = "\n" + "\n".join(dict.fromkeys([*known, *uris_of(story)])) + "\n"
    wire.agency = (story.infosource or story.dateline_agency or wire.agency)[:100]
    wire.language_tag = (story.language_tag or wire.language_tag)[:35]
    if story.first_created and (not wire.first_created or story.first_created < wire.first_created):
        wire.first_created = story.first_created
    if story.version_created and (
        not wire.version_created or story.version_created > wire.version_created
    ):
        wire.version_created = story.version_created
    if words:
        wire.words_hash = article_words(article)
    wire.save()
    return wire


def apply_held(held, by):
    """The held version's words on the article, through ``Article.edit`` (a new version)."""
    article = held.article
    article.edit(
        by,
        headline=held.headline,
        standfirst=held.standfirst,
        body=held.body,
        reason="Updated from the wire: a held version applied.",
    )
    WireStory.objects.filter(article=article).update(words_hash=article_words(article))
    held.state = HeldVersion.State.APPLIED
    held.save(update_fields=["state"])


def dismiss_held(held):
    held.state = HeldVersion.State.DISMISSED
    held.save(update_fields=["state"])
