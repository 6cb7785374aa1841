"""The desk: what each person is told (on their desk and by email), and their front page."""

import pytest
from django.core import mail
from django.urls import reverse

from comments.models import Comment
from desk.models import Notice, NoticeSetting
from tests.factories import add_comment, article_in_state, contributor

pytestmark = pytest.mark.django_db

DESK = reverse("admin:index")


@pytest.fixture
def rita(reporter):
    """The reporter, credited as Rita Reporter, with an address for mail."""
    reporter.email = "rita@example.com"
    reporter.save()
    credited = contributor("Rita Reporter")
    credited.user = reporter
    credited.save()
    return reporter


@pytest.fixture
def story(make_article, rita):
    return make_article(headline="Harbour story", credits=[("reporting", "Rita Reporter", "", "")])


def notices(user):
    return list(user.notices.values_list("kind", "title", "text"))


def test_a_submitted_story_is_announced_to_the_editors(
    story, rita, editor, make_user, django_capture_on_commit_callbacks
):
    other_editor = make_user("other", "Editors")
    with django_capture_on_commit_callbacks(execute=True):
        story.submit(rita, "Ready when you are")
    for user in (editor, other_editor):
        assert notices(user) == [
            (
                "submitted",
                "Rita Reporter submitted “Harbour story” for review.",
                "Ready when you are",
            )
        ]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "editor@example.com",
        "other@example.com",
    ]
    message = mail.outbox[0]
    assert message.subject == "[The Newsroom] For review: “Harbour story”"
    assert f"http://127.0.0.1:8000/admin/articles/article/{story.pk}/change/" in message.body
    assert "http://127.0.0.1:8000/admin/desk/settings/" in message.body
    assert not rita.notices.exists()  # nobody is told what they did themselves


def test_a_returned_story_brings_the_note_to_its_reporters(
    story, rita, editor, django_capture_on_commit_callbacks
):
    story.submit(rita)
    with django_capture_on_commit_callbacks(execute=True):
        story.return_to_reporter(editor, "A second source, please.")
    assert notices(rita) == [
        ("returned", "editor returned “Harbour story” to its reporter.", "A second source, please.")
    ]
    assert [message.to for message in mail.outbox] == [["rita@example.com"]]
    assert "A second source, please." in mail.outbox[0].body


def test_published_and_withdrawn_stories_are_told_to_their_reporters(story, rita, editor):
    story.publish(editor)
    story.withdraw(editor, "Legal advice")
    assert [(kind, text) for kind, _, text in notices(rita)] == [
        ("withdrawn", "Legal advice"),
        ("published", ""),
    ]


def test_a_scheduled_story_says_when_readers_see_it(rita, editor):
    scheduled = article_in_state("scheduled", headline="Later", created_by=rita)
    scheduled.publish(editor, at=scheduled.publish_at)
    assert "scheduled “Later”: readers see it from" in rita.notices.get().title


def test_each_kind_can_be_turned_off_on_the_desk_and_by_email(
    story, rita, editor, django_capture_on_commit_callbacks
):
    NoticeSetting.objects.create(user=rita, kind="published", on_desk=False, by_email=True)
    NoticeSetting.objects.create(user=rita, kind="withdrawn", on_desk=True, by_email=False)
    with django_capture_on_commit_callbacks(execute=True):
        story.publish(editor)
        story.withdraw(editor)
    assert [kind for kind, _, _ in notices(rita)] == ["withdrawn"]
    assert [message.subject for message in mail.outbox] == [
        "[The Newsroom] Published: “Harbour story”"
    ]


def test_the_settings_page_turns_kinds_off(client, rita, editor):
    client.force_login(rita)
    page = client.get(reverse("desk:settings"))
    assert "Stories to review" not in page.content.decode()  # reporters review nothing
    data = {
        f"{kind}-{channel}": "on"
        for kind in ("returned", "published", "withdrawn", "out_of_date")
        for channel in ("on_desk", "by_email")
    }
    del data["published-by_email"]
    response = client.post(reverse("desk:settings"), data, follow=True)
    assert "Your notification settings are saved." in response.content.decode()
    setting = NoticeSetting.objects.get(user=rita, kind="published")
    assert (setting.on_desk, setting.by_email) == (True, False)
    client.force_login(editor)
    assert "Stories to review" in client.get(reverse("desk:settings")).content.decode()


def test_out_of_date_translations_are_a_kind_of_notice(
    make_article, editor, translator, django_capture_on_commit_callbacks
):
    lina = contributor("Lina Golovnya")
    lina.user = translator
    lina.save()
    original = make_article(headline="Original")
    original.publish(editor)
    translation = original.create_translation(editor, "fr", lina)
    NoticeSetting.objects.create(user=translator, kind="out_of_date", by_email=False)
    with django_capture_on_commit_callbacks(execute=True):
        original.add_correction(editor, "The vote was on Tuesday.")
    notice = translator.notices.get()
    assert (notice.kind, notice.article, notice.text) == (
        "out_of_date",
        translation,
        "The original was corrected: The vote was on Tuesday.",
    )
    assert mail.outbox == []


def test_a_notice_opens_its_story_and_counts_as_read(client, story, rita, editor):
    story.publish(editor)
    notice = rita.notices.get()
    client.force_login(rita)
    response = client.get(reverse("desk:open-notice", args=[notice.pk]))
    assert response.url == reverse("admin:articles_article_change", args=[story.pk])
    notice.refresh_from_db()
    assert notice.is_read
    client.force_login(editor)
    assert client.get(reverse("desk:open-notice", args=[notice.pk])).status_code == 404


def test_the_notice_list_shows_only_ones_own(client, story, rita, editor):
    story.submit(rita)
    story.publish(editor)
    client.force_login(rita)
    listed = client.get(reverse("admin:desk_notice_changelist")).context["cl"].result_list
    assert [n.user for n in listed] == [rita]
    client.post(
        reverse("admin:desk_notice_changelist"),
        {"action": "mark_read", "_selected_action": [n.pk for n in Notice.objects.all()]},
    )
    assert not rita.notices.unread().exists()
    assert editor.notices.unread().count() == 1  # another's notices are out of reach


def test_the_top_navigation_counts_unread_notices(client, story, rita, editor):
    story.publish(editor)
    client.force_login(rita)
    page = client.get(DESK).content.decode()
    assert '<span class="desk-count">1<span class="visually-hidden"> unread</span></span>' in page
    client.post(reverse("desk:mark-all-read"))
    assert "desk-count" not in client.get(DESK).content.decode()


def test_a_reporters_desk(client, rita, editor, make_article):
    draft = make_article(headline="Budget explainer", created_by=rita)
    returned = make_article(headline="Ferry story", created_by=rita)
    returned.submit(rita)
    returned.return_to_reporter(editor, "Check the timetable.")
    article_in_state("review", headline="Ports strike", created_by=rita)
    article_in_state("embargoed", headline="Trade figures", created_by=rita)
    make_article(headline="Another reporter draft")
    client.force_login(rita)
    page = client.get(DESK).content.decode()
    for title in ("My drafts", "My stories in review", "My scheduled and embargoed stories"):
        assert title in page
    for headline in (draft.headline, "Ferry story", "Ports strike", "Trade figures"):
        assert headline in page
    assert "<strong>Returned:</strong> Check the timetable." in page
    assert "Another reporter draft" not in page
    assert "Waiting for review" not in page and "Comments waiting" not in page


def test_an_editors_desk(client, editor, make_article):
    article_in_state("review", headline="Needs a look")
    article_in_state("scheduled", headline="Tomorrow at dawn")
    client.force_login(editor)
    page = client.get(DESK).content.decode()
    assert "Waiting for review" in page and "Needs a look" in page
    assert "Scheduled and embargoed" in page and "Tomorrow at dawn" in page
    assert "Comments waiting" in page  # editors moderate too


def test_a_moderators_desk(client, moderator, article, django_assert_max_num_queries):
    for n in range(3):
        add_comment(article, status=Comment.Status.PENDING, text=f"Waiting {n}")
    add_comment(article, text="Already public")
    client.force_login(moderator)
    client.get(DESK)
    with django_assert_max_num_queries(12):
        page = client.get(DESK).content.decode()
    assert 'Comments waiting <span class="desk-count">3</span>' in page
    assert "Waiting 0" in page and "Already public" not in page
    assert "/admin/articles/" not in page and "My drafts" not in page
