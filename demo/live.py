"""The demo newsroom's live story: a storm on the Norwegian coast, followed post by post."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Credit, Role
from live.models import LiveCoverage, LivePost

SLUG = "storm-ingrid-live"

# (minutes before now, title, text, reporter, place); the oldest first.
POSTS = [
    (
        175,
        "Red warning issued",
        "The meteorological institute has issued a red warning for "
        "the coast between Stavanger and Bergen, its first this winter.",
        "Petra Lindqvist",
        "Stavanger",
    ),
    (
        166,
        "",
        "Ferries across the Boknafjord have stopped running until further notice, the "
        "operator said.",
        "Petra Lindqvist",
        "Stavanger",
    ),
    (
        158,
        "",
        "In Bergen the fish market stalls are being tied down. “We have done this before, "
        "but not this early in the season,” one trader said.",
        "Anna Ringstrom",
        "Bergen",
    ),
    (
        149,
        "Schools close early",
        "Schools in Bergen will close at noon so that children are "
        "home before the strongest winds arrive.",
        "Anna Ringstrom",
        "Bergen",
    ),
    (
        140,
        "",
        "Gusts of 38 metres per second have been measured on the island of Utsira.",
        "Rafael Reporter",
        "Stavanger",
    ),
    (
        131,
        "",
        "The airport at Sola has cancelled all departures after 14:00.",
        "Petra Lindqvist",
        "Stavanger",
    ),
    (
        122,
        "",
        "Police ask drivers to stay off the coast road north of the city. Two lorries "
        "have been blown over near the bridge.",
        "Rafael Reporter",
        "Stavanger",
    ),
    (
        113,
        "Power cuts spreading",
        "About 12,000 homes in the Bergen area are without power, the grid company said.",
        "Anna Ringstrom",
        "Bergen",
    ),
    (
        104,
        "",
        "The railway between Bergen and Voss is closed after a tree fell across the line.",
        "Anna Ringstrom",
        "Bergen",
    ),
    (
        95,
        "",
        "Waves are breaking over the harbour wall in Stavanger's old town. Residents of "
        "the lowest streets have been asked to move their cars.",
        "Petra Lindqvist",
        "Stavanger",
    ),
    (
        86,
        "",
        "The mayor of Bergen says the city's emergency shelters are open and warm.",
        "Anna Ringstrom",
        "Bergen",
    ),
    (
        77,
        "Oil platforms evacuated",
        "Two platforms off the coast have flown non-essential "
        "staff ashore as a precaution, their operator said.",
        "Rafael Reporter",
        "Stavanger",
    ),
    (
        68,
        "",
        "More than 30,000 homes are now without power across the region.",
        "Anna Ringstrom",
        "Bergen",
    ),
    (
        59,
        "",
        "A roof has been torn off a sports hall in Sandnes. Nobody was inside.",
        "Petra Lindqvist",
        "Stavanger",
    ),
    (
        50,
        "",
        "The coastguard says a fishing boat that lost its engine has been towed safely into port.",
        "Rafael Reporter",
        "Stavanger",
    ),
    (
        41,
        "Peak expected within the hour",
        "Forecasters expect the strongest winds between "
        "17:00 and 19:00, then a slow easing overnight.",
        "Petra Lindqvist",
        "Stavanger",
    ),
    (
        32,
        "",
        "Bergen's funicular has stopped and the city has closed its parks."
        "\n\nhttps://www.youtube.com/watch?v=M7lc1UVf-VE",
        "Anna Ringstrom",
        "Bergen",
    ),
    (
        23,
        "",
        "Repair crews will not go out until the wind drops below 25 metres per second, "
        "the grid company said.",
        "Anna Ringstrom",
        "Bergen",
    ),
    (
        14,
        "",
        "The evening ferries from Stavanger to Tau are cancelled as well.",
        "Petra Lindqvist",
        "Stavanger",
    ),
    (
        5,
        "",
        "Readers in Stavanger report hail and thunder along the waterfront.",
        "Rafael Reporter",
        "Stavanger",
    ),
]
PINNED = ("Red warning issued", "Power cuts spreading", "Peak expected within the hour")


def make_live_story(section, contributors, editor, reporter):
    """The live story, published three hours ago, with its twenty posts."""
    if Article.objects.filter(slug=SLUG).exists():
        return None
    now = timezone.now()
    story = Article.objects.create(
        slug=SLUG,
        headline="Storm Ingrid hits the west coast: live",
        standfirst="Ferries, flights and trains stopped as the season's first red warning "
        "reaches Stavanger and Bergen.",
        section=section,
        body="<p>The strongest storm of the winter is reaching Norway's west coast. "
        "Follow our reporters in Stavanger and Bergen as it happens.</p>",
        created_by=reporter,
    )
    Credit.objects.create(
        article=story, contributor=contributors["Elena Editor"], role=Role.EDITING, position=0
    )
    story.submit(reporter)
    story.publish(editor)
    started = now - timedelta(minutes=180)
    story.publish_at, story.first_published_at = started, None  # as if published then
    story.save(update_fields=["publish_at", "first_published_at"])
    coverage = LiveCoverage.start(story, editor)
    LiveCoverage.objects.filter(pk=coverage.pk).update(started_at=started)
    coverage.refresh_from_db()
    for minutes, title, text, name, place in POSTS:
        post = coverage.add_post(
            editor,
            "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n")),
            title=title,
            credits=[(Role.REPORTING, contributors[name], place)],
        )
        LivePost.objects.filter(pk=post.pk).update(
            posted_at=now - timedelta(minutes=minutes), pinned=title in PINNED
        )
    corrected = LivePost.objects.get(article=story, title="Power cuts spreading")
    corrected.correct(
        editor, "An earlier version of this post gave 21,000 homes; the grid company said 12,000."
    )
    return story
