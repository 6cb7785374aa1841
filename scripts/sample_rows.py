"""Rows the demo newsroom lacks, so the admin pages checked show what they are for."""


def add_background_work():
    """What the background work's admin lists show: inbox outcomes, failed mail and tasks."""
    from articles.models import Article
    from jobs.models import FailedTask, OutgoingMail
    from wire.models import InboxFile

    story = Article.objects.get(slug="ports-strike-talks-resume")
    InboxFile.objects.create(
        name="ports-strike.txt",
        sha256="1" * 64,
        outcome="imported",
        article=story,
        kept_as="done/ports-strike.txt",
    )
    InboxFile.objects.create(
        name="scan.pdf",
        sha256="2" * 64,
        outcome="refused",
        reason="scan.pdf: this is a binary file, not wire copy or ninjs JSON.",
        kept_as="failed/scan.pdf",
    )
    OutgoingMail.objects.create(
        subject="[The Newsroom] Comment to moderate",
        body="…",
        from_email="newsroom@localhost",
        to=["moderator@example.com"],
        status="failed",
        attempts=6,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    FailedTask.objects.create(
        task="newsroom.pagecache.tasks.purge_tags",
        args=[["article-1"]],
        error="URLError: <urlopen error [Errno 111] Connection refused>",
    )


def add_waiting_comments():
    """A moderation queue worth looking at: reported, long, from regulars and newcomers."""
    from articles.models import Article
    from comments.models import Comment, Report

    article = Article.objects.get(slug="nordic-central-banks-hold-rates")
    texts = [
        ("Ingrid", "ingrid@example.com", "Rates should have been cut months ago. " * 8, ""),
        ("Pat", "pat@example.com", "Visit www.example.com for cheap loans!", "Too many links (2)"),
        ("Kim", "kim@example.com", "I disagree with the governor, strongly.", "New commenter"),
    ]
    for name, email, text, held in texts:
        comment = Comment.objects.create(
            article=article, name=name, email=email, text=text, held_reason=held
        )
        Report.objects.create(comment=comment, reason=Report.Reason.OFF_TOPIC)


def add_unsaved_changes():
    """The reporter left their draft with changes not saved: its page offers them back."""
    import uuid

    from django.contrib.auth.models import User

    from articles.models import Article
    from desk.models import Draft

    story = Article.objects.get(slug="draft-budget-explainer")
    fields = [["headline", "What the draft budget means for you"], ["body", story.body]]
    Draft.keep(User.objects.get(username="reporter"), uuid.uuid4(), fields, story)


def add_history():
    """Two edits of the four-credit story, so its history has versions to compare."""
    from django.contrib.auth.models import User

    from articles.models import Article

    editor = User.objects.get(username="editor")
    story = Article.objects.get(slug="former-wagner-commander-asks-norway-for-asylum")
    body = story.body
    story.edit(editor, body=body.replace("</p>", " He was given a room.</p>", 1), minor=True)
    story.edit(editor, headline=f"{story.headline} (updated)", minor=True)
