"""
Which cached pages each change of the articles app ends (see newsroom/pagecache).

Tags: ``article-<pk>`` for a story, wherever it shows (its page, lists, feeds);
``articles`` for the site-wide lists (home, feeds, search, sitemaps);
``section-<pk>-articles``, ``contributor-<pk>-articles`` and
``translations-<pk>`` for the stories listed in a section, by a contributor, or
as versions of one original; ``picture-<pk>`` for a library picture wherever it shows,
and ``contributor-<pk>-photos`` for the pictures listed on a photographer's page.
Sections and credit styles show on every page and end them all (``SITE``); they seldom change.
"""

from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from newsroom.pagecache import SITE, renew

from .models import (
    Article,
    BreakingNews,
    Correction,
    Credit,
    FrontPageSlot,
    LibraryImage,
    ReaderState,
    Status,
)

# Where a story is listed; a change of any of these moves it between lists.
PLACEMENT = ("status", "publish_at", "embargo_until", "section_id", "language", "translation_of_id")
# What an article's change is told about how it was: its lead picture, listed under
# its photographer, too.
BEFORE = (*PLACEMENT, "lead_image_id")


# What decides when a story reaches readers by itself.
RELEASE = ("status", "publish_at", "embargo_until")


def article_moves_schedule(instance, before):
    """A new story, or a new release time or state, may bring the next release forward."""
    return before is None or any(before[name] != getattr(instance, name) for name in RELEASE)


def correction_moves_schedule(correction, before):
    return correction.published_at > timezone.now()  # it shows by itself, later


def article(pk):
    return f"article-{pk}"


def listed_in(section_id, root_id, contributor_ids, topic_ids=()):
    return {
        "articles",
        f"section-{section_id}-articles",
        f"translations-{root_id}",
        *(f"contributor-{pk}-articles" for pk in contributor_ids),
        *(topic_articles(pk) for pk in topic_ids),
    }


def topic_articles(pk):
    return f"topic-{pk}-articles"


def _is_live(values, now):
    return (
        values["status"] == Status.PUBLISHED
        and values["publish_at"] is not None
        and values["publish_at"] <= now
        and (values["embargo_until"] is None or values["embargo_until"] <= now)
    )


def article_changed(instance, before):
    tags = {article(instance.pk)}
    now = timezone.now()
    after = {name: getattr(instance, name) for name in PLACEMENT}
    live_now = instance.reader_state == ReaderState.LIVE
    live_before = before is not None and _is_live(before, now)
    tags |= _photos_moved(instance, before, live_now, live_before)
    if before is not None:
        before = {name: before[name] for name in PLACEMENT}
    if instance.translation_of_id and (live_now or live_before):
        tags.add(article(instance.translation_of_id))  # its page links the versions
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
    return {
        f"contributor-{pk}-photos" for pk in photographers.values_list("photographer_id", flat=True)
    }


def _photos_moved(instance, before, live_now, live_before):
    """A live story's lead picture came, went or changed: its photographer's list moves."""
    picture_before = before["lead_image_id"] if before is not None else None
    if live_now == live_before and picture_before == instance.lead_image_id:
        return set()
    shown = {instance.lead_image_id if live_now else None, picture_before if live_before else None}
    return photos_of(shown - {None})


def picture_changed(picture, before):
    tags = {f"picture-{picture.pk}"}
    for photographer_id in {picture.photographer_id, (before or {}).get("photographer_id")}:
        if photographer_id:
            tags.add(f"contributor-{photographer_id}-photos")
    return tags


def credit_changed(credit, before):
    tags = {article(credit.article_id)}
    if Article.objects.published().filter(pk=credit.article_id).exists():
        tags.add("articles")  # the contributors' sitemap lists whoever is credited
        for contributor_id in {credit.contributor_id, (before or {}).get("contributor_id")}:
            if contributor_id:
                tags.add(f"contributor-{contributor_id}-articles")
    return tags


def correction_changed(correction, before):
    return {article(correction.article_id), "corrections"}


def contributor_changed(contributor, before):
    if before is None:
        return set()  # nobody shows a new contributor yet
    shown = Article.objects.published().filter(credits__contributor=contributor)
    shown = shown.values_list("pk", flat=True)
    return {f"contributor-{contributor.pk}", *(article(pk) for pk in shown)}


def live_post_changed(post, before):
    """A post shows on its story's page, its updates and feed, and the lists showing the story
    (its credit line names every post's reporters)."""
    return {article(post.article_id)}


def live_post_credit_changed(credit, before):
    return {article(credit.post.article_id)}


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
    tags = {article(a) for a, _ in pairs} | {topic_articles(t) for a, t in pairs if a in live}
    renew(tags)


def whole_site(instance, before):
    return {SITE}


def released_between(since, until):
    """The tags of every story that reached readers in (since, until]."""
    release = Greatest("publish_at", Coalesce("embargo_until", "publish_at"))
    released = (
        Article.objects.filter(status=Status.PUBLISHED)
        .alias(release=release)
        .filter(release__gt=since, release__lte=until)
        .values("pk", "section_id", "translation_of_id", "lead_image_id")
    )
    tags = photos_of({row["lead_image_id"] for row in released} - {None})
    for row in released:
        contributors = Credit.objects.filter(article_id=row["pk"]).values_list(
            "contributor_id", flat=True
        )
        topics = Article.topics.through.objects.filter(article_id=row["pk"])
        tags.add(article(row["pk"]))
        if row["translation_of_id"]:
            tags.add(article(row["translation_of_id"]))
        root = row["translation_of_id"] or row["pk"]
        tags |= listed_in(
            row["section_id"], root, contributors, topics.values_list("topic_id", flat=True)
        )
    return tags


def corrections_due_between(since, until):
    """The tags of the stories whose corrections, dated ahead, came due in (since, until]."""
    due = Correction.objects.filter(published_at__gt=since, published_at__lte=until)
    articles = {article(pk) for pk in due.values_list("article_id", flat=True)}
    return articles | {"corrections"} if articles else set()


# The top of the home page and the banner: ``front-page`` and ``breaking`` (every page).
EDITORS_CHOICE = {FrontPageSlot: "front-page", BreakingNews: "breaking"}


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
