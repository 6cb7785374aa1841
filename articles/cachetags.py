"""
The page cache's tags for what the articles app shows, and which cached pages each of
its changes ends (see newsroom/pagecache). Views, feeds and the changes below spell
tags only through these names.

Sections, topics, credit styles and places show on every page and end them all
(``SITE``); they seldom change.
"""

from django.utils import timezone

from library.cachetags import photos_by
from library.models import LibraryImage
from newsroom.pagecache import SITE, keyed_tag, renew, tag

from .models import Article, BreakingNews, Correction, Credit, FrontPageSlot, is_public_at

# A story wherever it shows: its page, the lists and feeds showing it.
story = keyed_tag("article-{}")
# The site-wide lists of stories: home, feeds, search, sitemaps.
EVERY_STORY = tag("articles")
# The stories listed in a section, credited to a contributor, about a topic.
section_stories = keyed_tag("section-{}-articles")
contributor_stories = keyed_tag("contributor-{}-articles")
topic_stories = keyed_tag("topic-{}-articles")
# A contributor's own page (their name and profile).
contributor = keyed_tag("contributor-{}")
# The versions of one original (itself and its translations), by the original's key.
versions_of = keyed_tag("translations-{}")
# What search finds: every public story's words. A story joining or leaving readers, or
# a public story's save (its words may have changed), renews it; lists stay kept.
SEARCHED = tag("searched")
CORRECTIONS = tag("corrections")
# The top of the home page, and the banner on every page.
FRONT_PAGE = tag("front-page")
BREAKING = tag("breaking")

# Where a story is listed; a change of any of these moves it between lists.
PLACEMENT = ("status", "publish_at", "release_at", "section_id", "language", "translation_of_id")
# What an article's change is told about how it was: its lead picture, listed under
# its photographer, too.
BEFORE = (*PLACEMENT, "lead_image_id")


def article_moves_schedule(instance, before):
    """A new story, or a new release moment, may bring the next release forward."""
    return before is None or before["release_at"] != instance.release_at


def correction_moves_schedule(correction, before):
    return correction.published_at > timezone.now()  # it shows by itself, later


def listed_in(section_id, root_id, contributor_ids, topic_ids=()):
    return {
        EVERY_STORY,
        SEARCHED,
        section_stories(section_id),
        versions_of(root_id),
        *(contributor_stories(pk) for pk in contributor_ids),
        *(topic_stories(pk) for pk in topic_ids),
    }


def article_changed(instance, before):
    tags = {story(instance.pk)}
    now = timezone.now()
    after = {name: getattr(instance, name) for name in PLACEMENT}
    live_now = is_public_at(instance.status, instance.release_at, now)
    live_before = before is not None and is_public_at(before["status"], before["release_at"], now)
    tags |= _photos_moved(instance, before, live_now, live_before)
    if before is not None:
        before = {name: before[name] for name in PLACEMENT}
    if instance.translation_of_id and (live_now or live_before):
        tags.add(story(instance.translation_of_id))  # its page links the versions
    if live_now or live_before:
        tags.add(SEARCHED)
    if live_now != live_before or (live_now and before != after):
        contributors = set(instance.credits.values_list("contributor_id", flat=True))
        topics = set(instance.topics.values_list("pk", flat=True))
        for values in (after, before or after):
            root = values["translation_of_id"] or instance.pk
            tags |= listed_in(values["section_id"], root, contributors, topics)
    return tags


def photos_of(picture_ids):
    """The photographers' lists showing these pictures."""
    photographers = LibraryImage.objects.filter(pk__in=picture_ids, photographer__isnull=False)
    return {photos_by(pk) for pk in photographers.values_list("photographer_id", flat=True)}


def _photos_moved(instance, before, live_now, live_before):
    """A live story's lead picture came, went or changed: its photographer's list moves."""
    picture_before = before["lead_image_id"] if before is not None else None
    if live_now == live_before and picture_before == instance.lead_image_id:
        return set()
    shown = {instance.lead_image_id if live_now else None, picture_before if live_before else None}
    return photos_of(shown - {None})


def credit_changed(credit, before):
    tags = {story(credit.article_id)}
    if Article.objects.published().filter(pk=credit.article_id).exists():
        tags.add(EVERY_STORY)  # the contributors' sitemap lists whoever is credited
        for contributor_id in {credit.contributor_id, (before or {}).get("contributor_id")}:
            if contributor_id:
                tags.add(contributor_stories(contributor_id))
    return tags


def correction_changed(correction, before):
    return {story(correction.article_id), CORRECTIONS}


def contributor_changed(person, before):
    if before is None:
        return set()  # nobody shows a new contributor yet
    shown = Article.objects.published().filter(credits__contributor=person)
    shown = shown.values_list("pk", flat=True)
    return {contributor(person.pk), *(story(pk) for pk in shown)}


def topics_moved(sender, instance, action, reverse, pk_set, **kwargs):
    """Stories joined or left topics (m2m_changed of Article.topics, either side): their
    pages, and the lists of the topics, end."""
    if action == "pre_clear":
        # What is cleared is known only before: the topics (or stories) linked now.
        related = instance.articles if reverse else instance.topics
        instance._pages_cleared = set(related.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    linked = getattr(instance, "_pages_cleared", set()) if action == "post_clear" else pk_set
    pairs = (
        [(pk, instance.pk) for pk in linked] if reverse else [(instance.pk, pk) for pk in linked]
    )
    live = set(
        Article.objects.published()
        .filter(pk__in=[a for a, _ in pairs])
        .values_list("pk", flat=True)
    )
    tags = {story(a) for a, _ in pairs} | {topic_stories(t) for a, t in pairs if a in live}
    renew(tags)


def whole_site(instance, before):
    return {SITE}


def released_between(since, until):
    """The tags of every story that reached readers in (since, until]."""
    released = Article.objects.released_between(since, until).values(
        "pk", "section_id", "translation_of_id", "lead_image_id"
    )
    tags = photos_of({row["lead_image_id"] for row in released} - {None})
    for row in released:
        contributors = Credit.objects.filter(article_id=row["pk"]).values_list(
            "contributor_id", flat=True
        )
        topics = Article.topics.through.objects.filter(article_id=row["pk"])
        tags.add(story(row["pk"]))
        if row["translation_of_id"]:
            tags.add(story(row["translation_of_id"]))
        root = row["translation_of_id"] or row["pk"]
        tags |= listed_in(
            row["section_id"], root, contributors, topics.values_list("topic_id", flat=True)
        )
    return tags


def corrections_due_between(since, until):
    """The tags of the stories whose corrections, dated ahead, came due in (since, until]."""
    due = Correction.objects.filter(published_at__gt=since, published_at__lte=until)
    stories = {story(pk) for pk in due.values_list("article_id", flat=True)}
    return stories | {CORRECTIONS} if stories else set()


EDITORS_CHOICE = {FrontPageSlot: FRONT_PAGE, BreakingNews: BREAKING}


def editors_choice_changed(instance, before):
    return {EDITORS_CHOICE[type(instance)]}


def next_editors_choice_expiry():
    """When the next pinned story or banner expires by itself, or None."""
    moments = [model.objects.next_expiry() for model in EDITORS_CHOICE]
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else None


def editors_choice_expired_between(since, until):
    return {
        tag
        for model, tag in EDITORS_CHOICE.items()
        if model.objects.filter(until__gt=since, until__lte=until).exists()
    }
