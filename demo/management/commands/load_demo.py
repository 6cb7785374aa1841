"""
Fill an empty newsroom with demo sections, contributors, articles and one
demo user per role. Safe to run again: what exists is left as it is.
"""

import io
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from PIL import Image, ImageDraw

from articles.models import Article, Contributor, Credit, Section, Transition
from comments.models import Comment
from demo import readers as demo_readers
from demo.live import make_live_story
from jobs.models import OutgoingMail
from library.models import LibraryImage

DEMO_PASSWORD = "newsroom-demo"

USERS = [
    # username, group, contributor name
    ("editor", "Editors", "Elena Editor"),
    ("reporter", "Reporters", "Rafael Reporter"),
    ("translator", "Translators", "Tomasz Translator"),
    ("moderator", "Moderators", None),
]

SECTIONS = [
    ("World", "world", "pre"),
    ("Europe", "europe", "pre"),
    ("Business", "business", "post"),
    ("Courts", "courts", "pre"),
    ("Culture", "culture", "post"),
]

WIRE_CONTRIBUTORS = [
    "Guy Faulconbridge",
    "Gwladys Fouche",
    "Lina Golovnya",
    "Blandine Hénault",
    "Andrei Ostroukh",
    "Anna Ringstrom",
    "Alex Richardson",
    "Petra Lindqvist",
]


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


ARTICLES = [
    {
        "slug": "former-wagner-commander-asks-norway-for-asylum",
        "headline": "Former Wagner commander asks Norway for asylum after crossing Arctic border",
        "standfirst": "A man who says he led a unit of the Russian paramilitary group in Ukraine "
        "told a rights group he fears for his life.",
        "section": "europe",
        "language": "en",
        "dateline": ("MOSCOW", "Reuters"),
        "body": paragraphs(
            "A man who says he commanded a unit of the Wagner paramilitary group in Ukraine "
            "has asked for asylum in Norway after crossing the Arctic border on foot, a rights "
            "group that helped him said.",
            "Norwegian police said a foreign national had been detained after crossing the "
            "border illegally overnight and had asked for protection.",
            "His lawyer said the immigration authorities should decide on his status quickly.",
        ),
        "credits": [
            ("reporting", "Guy Faulconbridge", "Moscow", ""),
            ("reporting", "Gwladys Fouche", "Oslo", ""),
            ("translation", "Lina Golovnya", "", "fr"),
            ("editing", "Blandine Hénault", "", ""),
        ],
        # The photographer is not on the story's credits: the library picture credits her.
        "image": ("Snow on the border fence", (70, 110, 150), "Petra Lindqvist"),
        "status": "published",
        "hours_ago": 2,
    },
    {
        "slug": "un-ancien-commandant-de-wagner-demande-l-asile-en-norvege",
        "headline": "Un ancien commandant de Wagner demande l'asile en Norvège",
        "standfirst": "L'homme dit avoir dirigé une unité du groupe paramilitaire russe "
        "en Ukraine.",
        "section": "europe",
        "language": "fr",
        "translation_of": "former-wagner-commander-asks-norway-for-asylum",
        "dateline": ("MOSCOU", "Reuters"),
        "body": paragraphs(
            "Un homme qui affirme avoir commandé une unité du groupe Wagner en Ukraine a "
            "demandé l'asile en Norvège après avoir franchi la frontière arctique à pied.",
            "La police norvégienne a indiqué qu'un ressortissant étranger avait été interpellé.",
        ),
        # Places are named once; the French line writes them in French ("à Moscou").
        "credits": [
            ("reporting", "Guy Faulconbridge", "Moscow", ""),
            ("reporting", "Gwladys Fouche", "Oslo", ""),
            ("translation", "Lina Golovnya", "", "fr"),
            ("editing", "Blandine Hénault", "", ""),
        ],
        "status": "published",
        "hours_ago": 1,
    },
    {
        "slug": "nordic-central-banks-hold-rates",
        "headline": "Nordic central banks hold rates as rouble swings unsettle traders",
        "standfirst": "Policymakers in Oslo and Stockholm kept borrowing costs unchanged.",
        "section": "business",
        "language": "en",
        "dateline": ("OSLO", "Reuters"),
        "body": paragraphs(
            "Norway's and Sweden's central banks left their key rates unchanged on Thursday, "
            "saying they wanted more evidence that inflation was slowing."
        )
        + '<aside class="fact-box"><h2>The decisions</h2><ul>'
        "<li>Norges Bank: policy rate held at 4.5%</li>"
        "<li>Riksbank: policy rate held at 4.0%</li>"
        "<li>Next meetings: in six weeks</li></ul></aside>"
        + '<blockquote class="pull-quote"><p>“We want to see inflation slow for longer '
        "before we move.”</p></blockquote>"
        + "<h2>Currency moves</h2>"
        + paragraphs(
            "Traders said sharp swings in the rouble had little direct effect on Nordic "
            "markets but added to a cautious mood."
        ),
        "credits": [
            ("reporting", "Andrei Ostroukh", "Moscow", ""),
            ("reporting", "Gwladys Fouche", "Oslo", ""),
            ("additional_reporting", "Anna Ringstrom", "Stockholm", ""),
            ("writing", "Guy Faulconbridge", "", ""),
            ("editing", "Alex Richardson", "", ""),
            ("photography", "Petra Lindqvist", "Oslo", ""),
        ],
        "image": ("The central bank building at dusk", (160, 120, 60), "Petra Lindqvist"),
        "status": "published",
        "hours_ago": 5,
        "correction": {
            "text": "An earlier version of this story gave the wrong day for the decision. "
            "It was Thursday, not Wednesday.",
            "wrong": "The decision was on Wednesday.",
            "right": "The decision was on Thursday.",
        },
    },
    {
        "slug": "city-court-hears-first-day-of-harbour-fraud-trial",
        "headline": "City court hears first day of harbour fraud trial",
        "standfirst": "Prosecutors say contracts worth millions were awarded without tender.",
        "section": "courts",
        "language": "en",
        "dateline": ("LONDON", ""),
        "body": paragraphs("The trial of three former harbour board members opened on Monday.")
        + "<blockquote><p>“The evidence will show a pattern,” the prosecutor told the jury."
        "</p></blockquote>",
        "credits": [
            ("reporting", "Rafael Reporter", "London", ""),
            ("editing", "Elena Editor", "", ""),
        ],
        "status": "published",
        "hours_ago": 26,
    },
    {
        "slug": "festival-opens-with-silent-film-and-live-orchestra",
        "headline": "Festival opens with a silent film and a live orchestra",
        "standfirst": "The city's film festival began with a restored 1927 classic.",
        "section": "culture",
        "language": "en",
        "dateline": ("PARIS", ""),
        "body": paragraphs(
            "A restored print of a 1927 silent classic opened the festival on Friday, "
            "accompanied by a 60-piece orchestra.",
            "Tickets for the closing gala sold out within an hour.",
        ),
        "credits": [("writing", "Rafael Reporter", "", ""), ("editing", "Elena Editor", "", "")],
        "status": "published",
        "hours_ago": 50,
    },
    {
        "slug": "ports-strike-talks-resume",
        "headline": "Ports strike talks to resume next week",
        "standfirst": "Unions and employers agreed to meet again.",
        "section": "business",
        "language": "en",
        "dateline": ("ROTTERDAM", ""),
        "body": paragraphs("Union leaders said talks would resume on Tuesday."),
        "credits": [("reporting", "Rafael Reporter", "Rotterdam", "")],
        "status": "review",
    },
    {
        "slug": "draft-budget-explainer",
        "headline": "What the draft budget means for households",
        "section": "business",
        "language": "en",
        "body": paragraphs("Work in progress."),
        "credits": [("writing", "Rafael Reporter", "", "")],
        "status": "draft",
    },
    {
        "slug": "mayor-resigns-report-withdrawn",
        "headline": "Report that the mayor would resign",
        "section": "world",
        "language": "en",
        "body": paragraphs("This story was withdrawn."),
        "credits": [("reporting", "Rafael Reporter", "London", "")],
        "status": "withdrawn",
        "hours_ago": 30,
    },
    {
        "slug": "trade-figures-under-embargo",
        "headline": "Exports rise for a third month",
        "standfirst": "Official figures are released at 08:00 tomorrow.",
        "section": "business",
        "language": "en",
        "body": paragraphs("Exports rose for a third month running, the statistics office said."),
        "credits": [("writing", "Rafael Reporter", "", ""), ("editing", "Elena Editor", "", "")],
        "status": "published",
        "hours_ago": 1,
        "embargo_hours": 20,
    },
    {
        "slug": "election-results-live",
        "headline": "Election results as they come in",
        "section": "world",
        "language": "en",
        "body": paragraphs("Results will appear here when polls close."),
        "credits": [("writing", "Elena Editor", "", "")],
        "status": "published",
        "hours_ago": -24,  # scheduled: appears by itself tomorrow
    },
]


def demo_image(colour, label, size=(1600, 900)):
    width, height = size
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    for i in range(0, height, 60):
        draw.line([(0, i), (width, i + 300)], fill=tuple(min(255, c + 25) for c in colour), width=8)
    draw.text((40, height - 60), label, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="demo.jpg")


def library_picture(caption, colour, photographer, uploaded_by):
    picture = LibraryImage(
        caption=caption,
        alt_text=caption,
        photographer=photographer,
        focal_x=0.3,
        focal_y=0.4,
        uploaded_by=uploaded_by,
    )
    picture.file.save("demo.jpg", demo_image(colour, caption), save=False)
    picture.save()
    return picture


class Command(BaseCommand):
    help = "Load the demo newsroom: sections, contributors, articles and one user per role."

    def handle(self, *args, **options):
        # The demo's stories go through the workflow like real ones: their notices wait on
        # the demo desks, but the mail they would send is only noise here.
        # With a broker, the mail would wait for a worker: it leaves the outbox unsent.
        before = OutgoingMail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            self.load()
        OutgoingMail.objects.filter(pk__gt=before).delete()

    @transaction.atomic
    def load(self):
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.com", DEMO_PASSWORD)
        contributors = {}
        for username, group_name, contributor_name in USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"is_staff": True, "email": f"{username}@example.com"},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
                user.groups.add(Group.objects.get(name=group_name))
            if contributor_name:
                contributors[contributor_name], _ = Contributor.objects.get_or_create(
                    slug=contributor_name.lower().replace(" ", "-"),
                    defaults={"name": contributor_name, "user": user, "bio": "Staff journalist."},
                )
        for name in WIRE_CONTRIBUTORS:
            contributors[name], _ = Contributor.objects.get_or_create(
                slug=name.lower().replace(" ", "-").replace("é", "e"),
                defaults={"name": name, "bio": "Wire correspondent."},
            )
        sections = {}
        for position, (name, slug, policy) in enumerate(SECTIONS):
            sections[slug], _ = Section.objects.get_or_create(
                slug=slug, defaults={"name": name, "position": position, "comment_policy": policy}
            )

        editor = User.objects.get(username="editor")
        reporter = User.objects.get(username="reporter")
        made = 0
        for data in ARTICLES:
            if Article.objects.filter(slug=data["slug"]).exists():
                continue
            made += 1
            self._make_article(data, sections, contributors, editor, reporter)
        if made:
            self._add_comments(User.objects.get(username="moderator"))
        if make_live_story(sections["europe"], contributors, editor, reporter):
            made += 1
        demo_readers.dress(lambda colour, name: demo_image(colour, name, size=(600, 600)))
        self.stdout.write(
            f"Demo newsroom ready: {made} new article(s). "
            f"Log in at /admin/ as admin, editor, reporter, translator or moderator "
            f"with the password “{DEMO_PASSWORD}”."
        )

    def _add_comments(self, moderator):
        article = Article.objects.get(slug="nordic-central-banks-hold-rates")
        approved = [
            ("Ingrid", "ingrid@example.com", "Sensible to wait for more data before moving."),
            ("Tom", "tom@example.com", "Mortgage holders will be relieved for now."),
        ]
        for name, email, text in approved:
            comment = Comment.objects.create(article=article, name=name, email=email, text=text)
            comment.approve(moderator, "Demo")
        Comment.objects.create(
            article=article,
            name="Sam",
            email="sam@example.com",
            text="A comment waiting in the moderation queue.",
            held_reason="New commenter",
        )

    def _make_article(self, data, sections, contributors, editor, reporter):
        place, agency = data.get("dateline", ("", ""))
        article = Article(
            slug=data["slug"],
            headline=data["headline"],
            standfirst=data.get("standfirst", ""),
            section=sections[data["section"]],
            language=data["language"],
            dateline_place=place,
            dateline_agency=agency,
            body=data["body"],
            created_by=reporter,
        )
        if "translation_of" in data:
            article.translation_of = Article.objects.get(slug=data["translation_of"])
        if "image" in data:
            caption, colour, photographer = data["image"]
            article.lead_image = library_picture(
                caption, colour, contributors[photographer], reporter
            )
        article.save()
        for position, (role, name, credit_place, language) in enumerate(data["credits"]):
            Credit.objects.create(
                article=article,
                contributor=contributors[name],
                role=role,
                place=credit_place,
                language=language,
                position=position,
            )
        if "embargo_hours" in data:
            article.embargo_until = timezone.now() + timedelta(hours=data["embargo_hours"])
            article.save(update_fields=["embargo_until"])
        if data["status"] in ("review", "published", "withdrawn"):
            article.submit(reporter)
        if data["status"] in ("published", "withdrawn"):
            at = timezone.now() - timedelta(hours=data["hours_ago"])
            if at < timezone.now():
                # Demo history: published in the past, as if by the editor then.
                article.publish(editor)
                # Released then (or when its embargo lifts): the model works out the moments.
                article.publish_at, article.first_published_at = at, None
                article.save(update_fields=["publish_at", "first_published_at"])
                Transition.objects.filter(article=article, to_status="published").update(
                    publish_at=at
                )
            else:
                article.publish(editor, at=at)
        if data["status"] == "withdrawn":
            article.withdraw(editor, "The resignation did not happen.")
        if "correction" in data:
            article.add_correction(editor, **data["correction"])
