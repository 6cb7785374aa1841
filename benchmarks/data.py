"""
A benchmark newsroom of any size, written with bulk inserts.

Everything is drawn from one seeded random generator, so the same sizes give
the same newsroom. Comments per article stay the same at every size (the
comments are spread over the published articles), so a page's cost at two
sizes compares the cost of the larger tables, not of busier articles.
"""

import itertools
import random
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, CommentPolicy, Contributor, Credit, Role, Section
from comments.models import Comment

BATCH = 2000

SECTIONS = [
    ("World", "world", CommentPolicy.PRE_MODERATED),
    ("Europe", "europe", CommentPolicy.PRE_MODERATED),
    ("Business", "business", CommentPolicy.POST_MODERATED),
    ("Markets", "markets", CommentPolicy.POST_MODERATED),
    ("Courts", "courts", CommentPolicy.PRE_MODERATED),
    ("Science", "science", CommentPolicy.POST_MODERATED),
    ("Culture", "culture", CommentPolicy.POST_MODERATED),
    ("Sport", "sport", CommentPolicy.CLOSED),
]

FIRST_NAMES = [
    "Anna",
    "Guy",
    "Gwladys",
    "Lina",
    "Blandine",
    "Andrei",
    "Alex",
    "Maria",
    "Tomasz",
    "Elena",
    "Rafael",
    "Ingrid",
    "Jonas",
    "Sofia",
    "Pierre",
    "Claire",
    "Mateo",
    "Lucia",
    "Hiroshi",
    "Amina",
    "Kofi",
    "Olga",
    "Nils",
    "Leila",
    "Marco",
    "Giulia",
    "Pedro",
    "Ines",
    "Yusuf",
    "Fatima",
    "David",
    "Sarah",
]
LAST_NAMES = [
    "Faulconbridge",
    "Fouche",
    "Golovnya",
    "Henault",
    "Ostroukh",
    "Ringstrom",
    "Richardson",
    "Costa",
    "Nowak",
    "Petrova",
    "Silva",
    "Berg",
    "Lindqvist",
    "Rossi",
    "Dubois",
    "Martin",
    "Garcia",
    "Tanaka",
    "Okafor",
    "Mensah",
    "Ivanova",
    "Hansen",
    "Haddad",
    "Bianchi",
    "Moreau",
    "Santos",
    "Yilmaz",
    "Kaya",
    "Cohen",
    "Novak",
    "Schmidt",
    "Weber",
]
PLACES = [
    "Moscow",
    "Oslo",
    "Kyiv",
    "Paris",
    "London",
    "Brussels",
    "Berlin",
    "Madrid",
    "Rome",
    "Lisbon",
    "Warsaw",
    "Geneva",
    "Washington",
    "Beijing",
    "Tokyo",
    "Nairobi",
    "Lagos",
    "Cairo",
    "Istanbul",
    "Stockholm",
    "Helsinki",
    "Vienna",
]
AGENCIES = ["Reuters", "AFP", "AP", ""]

# The words of the bodies: common ones everywhere, one topic's words in each story,
# so a search for a topic finds a realistic share of the archive.
COMMON_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "said",
    "on",
    "for",
    "that",
    "with",
    "was",
    "is",
    "by",
    "at",
    "from",
    "it",
    "as",
    "he",
    "she",
    "they",
    "government",
    "officials",
    "minister",
    "people",
    "year",
    "week",
    "month",
    "told",
    "statement",
    "after",
    "before",
    "would",
    "could",
    "new",
    "first",
    "last",
    "two",
    "three",
    "more",
    "than",
    "over",
    "about",
    "since",
    "while",
    "against",
    "country",
    "city",
    "report",
    "plan",
    "talks",
    "meeting",
    "leaders",
    "support",
    "public",
    "state",
    "spokesman",
    "according",
    "data",
    "figures",
    "expected",
    "earlier",
    "later",
    "month",
    "percent",
    "million",
    "billion",
    "agreement",
    "decision",
    "move",
    "policy",
    "group",
    "company",
    "workers",
    "market",
    "national",
    "local",
    "region",
    "border",
    "police",
    "court",
    "law",
    "vote",
    "party",
    "president",
    "parliament",
    "election",
]
TOPICS = [
    "inflation interest rates central bank lending mortgage",
    "harvest wheat farmers drought grain exports",
    "refinery oil crude pipeline barrels output",
    "asylum migrants border crossing refugees detention",
    "vaccine hospital patients doctors virus outbreak",
    "strike unions wages rail walkout pensions",
    "satellite launch rocket orbit telescope mission",
    "election ballots turnout candidates campaign polls",
    "court appeal verdict judges trial sentence",
    "festival museum exhibition painting orchestra premiere",
    "earthquake rescue aftershock rubble survivors tremor",
    "shipping port containers freight tanker canal",
    "tariffs trade imports steel duties negotiations",
    "wildfire evacuation firefighters blaze hectares heatwave",
    "cyberattack hackers ransomware servers breach passwords",
    "football league coach transfer season stadium",
]
SEARCH_QUERY = "central bank rates"


@dataclass
class Newsroom:
    sections: int = 0
    contributors: int = 0
    articles: int = 0
    published: int = 0
    translations: int = 0
    credits: int = 0
    comments: int = 0
    replies: int = 0
    status_counts: dict = field(default_factory=dict)


def sentence(rng, topic_words, length):
    words = rng.choices(COMMON_WORDS, k=length)
    for _ in range(max(1, length // 6)):
        words[rng.randrange(length)] = rng.choice(topic_words)
    return " ".join(words).capitalize() + "."


def paragraph(rng, topic_words):
    return " ".join(
        sentence(rng, topic_words, rng.randint(9, 18)) for _ in range(rng.randint(2, 4))
    )


def build(articles=10_000, comments=200_000, contributors=500, seed=1, log=print):
    """Fill an empty database with a newsroom of this size; return what was made."""
    rng = random.Random(seed)
    now = timezone.now()
    made = Newsroom()
    with transaction.atomic():
        sections = make_sections()
        made.sections = len(sections)
        people = make_contributors(rng, contributors)
        made.contributors = len(people)
        log(f"  {len(sections)} sections, {len(people)} contributors")
        originals, translations = make_articles(rng, now, articles, sections, people, made)
        log(
            f"  {made.articles} articles ({made.translations} translations), {made.credits} credits"
        )
        make_comments(rng, now, comments, [*originals, *translations], made)
        log(f"  {made.comments} comments ({made.replies} replies)")
    if connection.vendor == "postgresql" and connection.get_autocommit():
        # As autovacuum leaves a table that has been live a while: statistics for the
        # planner, and a visibility map so counts can read an index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return made


def make_sections():
    Section.objects.bulk_create(
        Section(name=name, slug=slug, position=i, comment_policy=policy)
        for i, (name, slug, policy) in enumerate(SECTIONS)
    )
    return list(Section.objects.order_by("position"))


def make_contributors(rng, count):
    people = []
    for i in range(count):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        people.append(Contributor(name=name, slug=f"{slugify(name)}-{i}"))
    Contributor.objects.bulk_create(people, batch_size=BATCH)
    return list(Contributor.objects.order_by("pk"))


def article_state(rng, now, publish_at):
    """Mostly published stories; a few drafts, scheduled, embargoed and withdrawn ones."""
    draw = rng.random()
    if draw < 0.015:
        return Article.Status.DRAFT, None
    if draw < 0.025:
        return Article.Status.REVIEW, None
    if draw < 0.030:
        return Article.Status.WITHDRAWN, publish_at
    if draw < 0.035:
        return Article.Status.PUBLISHED, now + timedelta(hours=rng.randint(1, 72))
    return Article.Status.PUBLISHED, publish_at


def make_articles(rng, now, count, sections, people, made):
    translation_count = max(1, count // 50) if count >= 10 else 0
    original_count = count - translation_count
    # About forty stories a day: a bigger archive reaches further back.
    span = timedelta(days=max(14, original_count / 40))
    step = span / max(original_count, 1)
    originals, credits = [], []
    for i in range(original_count):
        topic = rng.randrange(len(TOPICS))
        topic_words = TOPICS[topic].split()
        section = sections[topic % len(sections)]
        publish_at = now - timedelta(minutes=10) - step * i
        status, publish_at = article_state(rng, now, publish_at)
        headline = sentence(rng, topic_words, rng.randint(6, 11)).rstrip(".")
        article = Article(
            headline=headline,
            slug=f"{slugify(headline)[:200]}-{i}",
            standfirst=sentence(rng, topic_words, rng.randint(14, 24)),
            dateline_place=rng.choice(PLACES).upper(),
            dateline_agency=rng.choice(AGENCIES),
            body="".join(f"<p>{paragraph(rng, topic_words)}</p>" for _ in range(rng.randint(3, 6))),
            section=section,
            language="en",
            status=status,
            publish_at=publish_at,
            release_at=publish_at if status == Article.Status.PUBLISHED else None,
            first_published_at=publish_at if status != Article.Status.DRAFT else None,
            updated_at=publish_at + timedelta(hours=2)
            if publish_at and rng.random() < 0.1
            else None,
            edit_token=uuid.uuid4(),
        )
        if rng.random() < 0.002 and status == Article.Status.PUBLISHED:
            article.embargo_until = now + timedelta(hours=rng.randint(1, 24))
            article.release_at = max(publish_at, article.embargo_until)
            article.first_published_at = article.release_at
        originals.append(article)
    Article.objects.bulk_create(originals, batch_size=BATCH)
    for article in originals:
        credits.extend(credits_for(rng, article, people))

    published = [a for a in originals if a.status == Article.Status.PUBLISHED]
    translations = []
    for n, original in enumerate(rng.sample(published, min(translation_count, len(published)))):
        translations.append(
            Article(
                headline=f"Version française : {original.headline}",
                slug=f"fr-{original.slug}"[:250],
                standfirst=original.standfirst,
                dateline_place=original.dateline_place,
                dateline_agency=original.dateline_agency,
                body=original.body,
                section_id=original.section_id,
                language="fr",
                translation_of=original,
                source_revision=original.revision,
                status=original.status,
                publish_at=original.publish_at + timedelta(minutes=45 + n % 30),
                release_at=original.publish_at + timedelta(minutes=45 + n % 30)
                if original.status == Article.Status.PUBLISHED
                else None,
                first_published_at=original.publish_at + timedelta(minutes=45 + n % 30),
                edit_token=uuid.uuid4(),
            )
        )
    Article.objects.bulk_create(translations, batch_size=BATCH)
    for article in translations:
        credits.extend(credits_for(rng, article, people, translated=True))
    Credit.objects.bulk_create(credits, batch_size=BATCH)

    made.articles = len(originals) + len(translations)
    made.translations = len(translations)
    made.credits = len(credits)
    for article in [*originals, *translations]:
        made.status_counts[article.status] = made.status_counts.get(article.status, 0) + 1
    made.published = sum(1 for a in [*originals, *translations] if a.is_public)
    return originals, translations


def credits_for(rng, article, people, translated=False):
    """Two to four credits: reporters with their places, sometimes a writer, an editor."""
    chosen = rng.sample(people, 4)
    rows = [(Role.REPORTING, chosen[0], rng.choice(PLACES), "")]
    extra = rng.randint(0, 1 if translated else 2)
    if extra >= 1:
        rows.append((Role.ADDITIONAL_REPORTING, chosen[1], rng.choice(PLACES), ""))
    if extra == 2:
        rows.append((Role.WRITING, chosen[2], "", ""))
    if translated:
        rows.append((Role.TRANSLATION, chosen[2], "", article.language))
    rows.append((Role.EDITING, chosen[3], "", ""))
    return [
        Credit(
            article=article,
            contributor=person,
            role=role,
            place=place,
            language=language,
            position=position,
        )
        for position, (role, person, place, language) in enumerate(rows)
    ]


COMMENT_STATUSES = [
    (Comment.Status.APPROVED, 0.75),
    (Comment.Status.PENDING, 0.15),
    (Comment.Status.REJECTED, 0.05),
    (Comment.Status.SPAM, 0.03),
    (Comment.Status.REMOVED, 0.02),
]
COMMENT_LINES = [
    "I read this twice and I still do not see why the minister agreed.",
    "Thank you for reporting this, the local papers said nothing.",
    "The figures in the third paragraph do not match what the ministry published last week.",
    "This has been coming for years, and nobody wanted to listen.",
    "Good to see the other side quoted as well.",
    "What happens to the people who already applied?",
    "My family lives near there and it is much worse than described.",
    "Is there a link to the full report?",
]


def make_comments(rng, now, count, articles, made):
    """Comments on public stories, most approved, a fifth of them replies."""
    public = [a for a in articles if a.is_public]
    if not public or not count:
        return
    readers = [f"reader{i}@example.org" for i in range(max(50, count // 8))]
    statuses, weights = zip(*COMMENT_STATUSES, strict=True)
    cumulative = list(itertools.accumulate(weights))
    texts = [" ".join(rng.sample(COMMENT_LINES, rng.randint(1, 3))) for _ in range(64)]
    # Some stories draw many more comments than others.
    popularity = [rng.paretovariate(1.5) for _ in public]
    per_article = [0] * len(public)
    for index in rng.choices(range(len(public)), weights=popularity, k=count):
        per_article[index] += 1

    def comment(article, parent=None):
        status = rng.choices(statuses, cum_weights=cumulative)[0]
        since = parent.created_at if parent else article.publish_at
        minutes = rng.randint(1, 14 * 24 * 60 if parent is None else 24 * 60)
        # A few regulars write much of what is said.
        email = readers[int(len(readers) * rng.random() ** 2)]
        return Comment(
            article=article,
            parent=parent,
            name=email.split("@")[0].capitalize(),
            email=email,
            text=rng.choice(texts),
            status=status,
            held_reason="New commenter" if status == Comment.Status.PENDING else "",
            created_at=min(now, since + timedelta(minutes=minutes)),
        )

    start = 0
    while start < len(public):
        chunk = range(start, min(start + 1000, len(public)))
        top, replies = [], []
        for i in chunk:
            n_top = per_article[i] - per_article[i] // 5
            top.extend(comment(public[i]) for _ in range(n_top))
        Comment.objects.bulk_create(top, batch_size=BATCH)
        by_article = {}
        for c in top:
            if c.status == Comment.Status.APPROVED:
                by_article.setdefault(c.article_id, []).append(c)
        for i in chunk:
            approved = by_article.get(public[i].pk)
            n_replies = per_article[i] // 5
            if approved:
                replies.extend(comment(public[i], rng.choice(approved)) for _ in range(n_replies))
            else:
                top.extend(comment(public[i]) for _ in range(n_replies))
        Comment.objects.bulk_create([c for c in top if c.pk is None], batch_size=BATCH)
        Comment.objects.bulk_create(replies, batch_size=BATCH)
        made.comments += len(top) + len(replies)
        made.replies += len(replies)
        start = chunk.stop
