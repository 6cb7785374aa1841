"""What readers meet in the demo newsroom besides its stories: section names in French and
their colours, topics, contributors' profiles, the stories pinned to the front page and a
breaking-news banner. Applied by load_demo; loading it twice changes nothing."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article, BreakingNews, Contributor, FrontPageSlot, Section, Topic
from library.models import LibraryImage

SECTIONS = {
    "world": ("Monde", "#1d3557"),
    "europe": ("Europe", "#2a6f97"),
    "business": ("Économie", "#bc4b1c"),
    "courts": ("Justice", "#6a4c93"),
    "culture": ("Culture", "#b5179e"),
}

# name, slug, French name, description, stories
TOPICS = [
    (
        "Nordic countries",
        "nordic-countries",
        "Pays nordiques",
        "Norway, Sweden, Denmark, Finland and Iceland.",
        [
            "former-wagner-commander-asks-norway-for-asylum",
            "un-ancien-commandant-de-wagner-demande-l-asile-en-norvege",
            "nordic-central-banks-hold-rates",
        ],
    ),
    (
        "Russia",
        "russia",
        "Russie",
        "",
        [
            "former-wagner-commander-asks-norway-for-asylum",
            "un-ancien-commandant-de-wagner-demande-l-asile-en-norvege",
            "nordic-central-banks-hold-rates",
        ],
    ),
    (
        "Asylum",
        "asylum",
        "Asile",
        "",
        [
            "former-wagner-commander-asks-norway-for-asylum",
            "un-ancien-commandant-de-wagner-demande-l-asile-en-norvege",
        ],
    ),
    ("Interest rates", "interest-rates", "Taux d'intérêt", "", ["nordic-central-banks-hold-rates"]),
    (
        "Harbour",
        "harbour",
        "Port",
        "The city's harbour: its trade, its people, its courts.",
        ["city-court-hears-first-day-of-harbour-fraud-trial", "ports-strike-talks-resume"],
    ),
    ("Film", "film", "Cinéma", "", ["festival-opens-with-silent-film-and-live-orchestra"]),
]

# slug: job title, bio, French bio, website, pages elsewhere, photo colour
PROFILES = {
    "guy-faulconbridge": (
        "Moscow bureau chief",
        "Guy has covered Russia and its neighbours for fifteen years, from Moscow and London.",
        "Guy couvre la Russie et ses voisins depuis quinze ans, de Moscou et de Londres.",
        "https://guy.example.org/",
        ["https://mastodon.example/@guyf"],
        (92, 64, 51),
    ),
    "gwladys-fouche": (
        "Oslo correspondent",
        "Gwladys reports on Norway's politics, energy and the Arctic.",
        "Gwladys suit la politique norvégienne, l'énergie et l'Arctique.",
        "",
        ["https://mastodon.example/@gwladys", "https://bsky.example/gwladys"],
        (48, 92, 120),
    ),
    "elena-editor": (
        "Night editor",
        "Elena edits the overnight report and looks after corrections.",
        "Elena édite les nouvelles de la nuit et veille aux corrections.",
        "",
        [],
        (120, 80, 110),
    ),
    "rafael-reporter": (
        "Business reporter",
        "Rafael writes about trade, the harbour and the city's budget.",
        "Rafael écrit sur le commerce, le port et le budget de la ville.",
        "https://rafael.example.org/",
        [],
        (60, 110, 80),
    ),
}

PINNED = ["nordic-central-banks-hold-rates", "city-court-hears-first-day-of-harbour-fraud-trial"]
BANNER = ("Norway weighs a Wagner commander's asylum request", PINNED[0])


def dress(portrait):
    """``portrait(colour, label)`` gives a picture file for a contributor without one."""
    for slug, (french, colour) in SECTIONS.items():
        Section.objects.filter(slug=slug).update(names={"fr": french}, colour=colour)
    stories = {article.slug: article for article in Article.objects.all()}
    for name, slug, french, description, story_slugs in TOPICS:
        topic, _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "names": {"fr": french}, "description": description}
        )
        topic.articles.add(*(stories[s] for s in story_slugs if s in stories))
    for slug, (title, bio, french, website, links, colour) in PROFILES.items():
        person = Contributor.objects.filter(slug=slug).first()
        if person is None or person.job_title:
            continue
        person.job_title, person.bio, person.bios = title, bio, {"fr": french}
        person.website, person.social_links = website, "\n".join(links)
        picture = LibraryImage(alt_text=f"Portrait of {person.name}", caption=person.name)
        picture.file.save("portrait.jpg", portrait(colour, person.name), save=True)
        person.photo = picture
        person.save()
    later = timezone.now() + timedelta(days=7)
    for position, slug in enumerate(PINNED, start=1):
        if slug in stories and not FrontPageSlot.objects.current().filter(article=stories[slug]):
            FrontPageSlot.objects.create(article=stories[slug], position=position, until=later)
    text, slug = BANNER
    if slug in stories and not BreakingNews.objects.current().exists():
        BreakingNews.objects.create(
            text=text, article=stories[slug], until=timezone.now() + timedelta(hours=12)
        )
