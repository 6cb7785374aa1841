"""
What the wire says of a story is obeyed, whether it comes through the inbox folder or the
import_story command: an embargo keeps it from readers, "withheld" keeps it in review, a
kill notice withdraws it (and never makes a story), an older version never replaces a
newer one, and a story the desk has changed is not overwritten by the next wire version.
"""

import json
from datetime import timedelta

import pytest
from django.core.management import CommandError
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from tests import factories
from tests.wire.wire_copy import import_story
from wire.models import HeldVersion, InboxFile, WireStory

pytestmark = pytest.mark.django_db

URI = "urn:newsroom-test:2026:ferry"


def ninjs(version="2026-12-01T10:00:00Z", uri=URI, headline="Ferries cross the fjord", **extra):
    return {
        "uri": uri,
        "type": "text",
        "language": "en",
        "pubstatus": "usable",
        "firstcreated": "2026-12-01T09:00:00Z",
        "versioncreated": version,
        "headlines": [{"role": "main", "value": headline}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/plain",
                "value": "OSLO (NTB) – Ferries crossed the fjord on Monday after a storm.\n\n"
                "The operator expects a normal timetable by Wednesday.",
            }
        ],
        **extra,
    }


@pytest.fixture(params=["inbox", "import_story"])
def deliver(request, settings, tmp_path):
    """Send a ninjs document the way the test is run for: (outcome, reason or message).

    Both ways publish at once (the inbox for every agency, the command with --publish),
    so that whatever is not published is held back by what the wire says."""
    settings.WIRE_INBOX_PUBLISH = ["*"]
    count = iter(range(1, 100))
    if request.param == "inbox":
        folder = request.getfixturevalue("inbox")
        run = request.getfixturevalue("run_inbox")
    else:
        request.getfixturevalue("section")

    def send(doc):
        name = f"item-{next(count)}.json"
        if request.param == "inbox":
            (folder / name).write_text(json.dumps(doc))
            run()
            row = InboxFile.objects.latest("pk")
            return row.outcome, row.reason
        path = tmp_path / name
        path.write_text(json.dumps(doc))
        try:
            return "done", import_story(str(path), publish=True)[1]
        except CommandError as error:
            return "refused", str(error)

    return send


def later(hours):
    return (timezone.now() + timedelta(hours=hours)).isoformat()


def test_an_embargoed_story_is_not_public_before_its_time(deliver, client):
    deliver(ninjs(embargoed=later(2)))
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.embargo_until > timezone.now() + timedelta(hours=1)
    assert not Article.objects.published().exists()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_withheld_story_waits_in_review(deliver):
    _, said = deliver(ninjs(pubstatus="withheld"))
    assert "withheld" in said
    article = Article.objects.get()
    assert article.status == Article.Status.REVIEW
    assert not Article.objects.published().exists()


def test_a_kill_notice_withdraws_the_story(deliver, client):
    deliver(ninjs())
    article = Article.objects.get()
    assert client.get(article.get_absolute_url()).status_code == 200  # cached now
    deliver(ninjs("2026-12-01T12:00:00Z", pubstatus="canceled", headline=""))
    article.refresh_from_db()
    assert article.status == Article.Status.WITHDRAWN
    assert article.headline == "Ferries cross the fjord"
    assert client.get(article.get_absolute_url()).status_code == 410
    assert Article.objects.count() == 1


def test_a_kill_notice_for_a_story_never_received_is_refused(deliver):
    outcome, reason = deliver(ninjs(pubstatus="canceled", uri="urn:newsroom-test:unknown"))
    assert outcome == "refused"
    assert "urn:newsroom-test:unknown" in reason and "never came in" in reason
    assert not Article.objects.exists()


def test_a_kill_notice_for_a_story_in_review_sends_it_back_to_draft(deliver):
    deliver(ninjs(pubstatus="withheld"))
    outcome, _ = deliver(ninjs("2026-12-01T12:00:00Z", pubstatus="canceled"))
    article = Article.objects.get()
    assert outcome != "refused"
    assert article.status == Article.Status.DRAFT
    assert "Kill notice from the wire" in article.notes


def test_a_newer_version_updates_the_story_and_flags_its_translations(deliver):
    deliver(ninjs())
    article = Article.objects.get()
    translation = factories.make_article(
        headline="Les ferries traversent à nouveau le fjord",
        language="fr",
        translation_of=article,
        source_revision=article.revision,
        section=article.section,
    )
    deliver(ninjs("2026-12-01T11:00:00Z", headline="Ferries back on the fjord, timetable normal"))
    article.refresh_from_db()
    assert article.headline == "Ferries back on the fjord, timetable normal"
    assert Article.objects.count() == 2
    assert Version.objects.get_for_object(article).count() >= 2
    translation.refresh_from_db()
    assert translation.is_out_of_date


def test_a_version_that_replaces_another_updates_its_story(deliver):
    deliver(ninjs())
    deliver(ninjs("2026-12-01T11:00:00Z", uri="urn:b", replaces=[URI], headline="Second"))
    deliver(ninjs("2026-12-01T12:00:00Z", uri="urn:c", replaces=["urn:b"], headline="Third"))
    assert list(Article.objects.values_list("headline", flat=True)) == ["Third"]


def test_an_older_version_never_replaces_a_newer_one(deliver):
    deliver(ninjs("2026-12-01T12:00:00Z", headline="The newer version"))
    outcome, reason = deliver(ninjs("2026-12-01T10:00:00Z", headline="The older version"))
    assert outcome == "refused"
    assert "older version" in reason
    assert Article.objects.get().headline == "The newer version"
    wire = WireStory.objects.get()
    assert wire.version_created.isoformat() == "2026-12-01T12:00:00+00:00"
    assert wire.first_created.isoformat() == "2026-12-01T09:00:00+00:00"


def test_an_editor_s_change_is_not_overwritten_by_the_next_version(deliver, editor):
    deliver(ninjs())
    article = Article.objects.get()
    article.edit(editor, headline="Fjord ferries run again after three-day storm")
    outcome, reason = deliver(ninjs("2026-12-01T11:00:00Z", headline="Wire's new headline"))
    article.refresh_from_db()
    assert article.headline == "Fjord ferries run again after three-day storm"
    assert "edited by desk" in reason
    held = HeldVersion.objects.get()
    assert (held.article, held.headline, held.state) == (article, "Wire's new headline", "waiting")


def test_the_desk_compares_and_applies_a_held_version(inbox, run_inbox, client, editor):
    (inbox / "one.json").write_text(json.dumps(ninjs()))
    run_inbox()
    article = Article.objects.get()
    article.edit(editor, headline="The desk's headline")
    (inbox / "two.json").write_text(json.dumps(ninjs("2026-12-01T11:00:00Z", headline="Wire two")))
    run_inbox()
    row = InboxFile.objects.latest("pk")
    assert row.get_outcome_display() == "held for the desk"
    client.force_login(editor)
    listing = client.get(reverse("admin:wire_inboxfile_changelist")).content.decode()
    compare = reverse("admin:wire_heldversion_compare", args=[HeldVersion.objects.get().pk])
    assert compare in listing
    page = client.get(compare).content.decode().replace("&nbsp;", " ")
    assert "The desk's headline" in page
    assert "Wire two" in page
    client.post(compare, {"apply": "Apply"})
    article.refresh_from_db()
    assert article.headline == "Wire two"
    assert HeldVersion.objects.get().state == "applied"
    # The wire's words are the story's again: the next version applies at once.
    (inbox / "three.json").write_text(json.dumps(ninjs("2026-12-01T12:00:00Z", headline="Three")))
    run_inbox()
    article.refresh_from_db()
    assert article.headline == "Three"


def test_the_admin_shows_the_source_s_time(inbox, run_inbox, client, editor):
    (inbox / "one.json").write_text(json.dumps(ninjs("2026-12-01T10:00:00Z")))
    run_inbox()
    client.force_login(editor)
    for listing in ("admin:wire_inboxfile_changelist", "admin:wire_wirestory_changelist"):
        page = client.get(reverse(listing)).content.decode()
        assert "Dec. 1, 2026" in page, listing


def test_a_withheld_version_of_a_published_story_waits_for_the_desk(deliver):
    deliver(ninjs())
    _, said = deliver(ninjs("2026-12-01T11:00:00Z", pubstatus="withheld", headline="Not yet"))
    article = Article.objects.get()
    assert article.headline == "Ferries cross the fjord" and article.is_public
    assert "withheld" in said
    assert HeldVersion.objects.get().headline == "Not yet"
