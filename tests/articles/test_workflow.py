from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.models import Article, Role, WorkflowError

pytestmark = pytest.mark.django_db


def visible():
    return list(Article.objects.published())


def test_reporter_submits_own_draft_and_the_step_is_recorded(make_article, reporter):
    article = make_article(created_by=reporter)
    transition = article.submit(reporter, "Ready")
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert (transition.user, transition.from_status, transition.to_status, transition.note) == (
        reporter,
        "draft",
        "review",
        "Ready",
    )


def test_reporter_cannot_publish_editor_can(make_article, reporter, editor):
    article = make_article(created_by=reporter)
    article.submit(reporter)
    with pytest.raises(PermissionDenied):
        article.publish(reporter)
    assert visible() == []
    article.publish(editor)
    assert visible() == [article]
    assert article.first_published_at == article.publish_at


def test_scheduled_article_appears_by_itself_when_its_time_comes(make_article, editor, monkeypatch):
    article = make_article()
    at = timezone.now() + timedelta(hours=3)
    article.publish(editor, at=at)
    assert article.is_scheduled
    assert visible() == []
    later = at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert visible() == [article]


def test_scheduled_article_can_be_rescheduled_but_live_one_is_not_republished(make_article, editor):
    article = make_article()
    article.publish(editor, at=timezone.now() + timedelta(days=1))
    article.publish(editor, at=timezone.now() + timedelta(days=2))
    assert article.transitions.count() == 2
    article.publish(editor)
    with pytest.raises(WorkflowError, match="already published"):
        article.publish(editor)


def test_two_editors_publishing_at_once_publish_once(make_article, editor, make_user):
    other = make_user("other", "Editors")
    article = make_article()
    stale_copy = Article.objects.get(pk=article.pk)
    article.publish(editor)
    with pytest.raises(WorkflowError):
        stale_copy.publish(other)
    assert article.transitions.filter(to_status="published").count() == 1


def test_return_to_reporter_needs_a_note(make_article, reporter, editor):
    article = make_article(created_by=reporter)
    article.submit(reporter)
    with pytest.raises(WorkflowError, match="note"):
        article.return_to_reporter(editor, "  ")
    article.return_to_reporter(editor, "Check the second quote.")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.can_be_edited_by(reporter)
    assert article.transitions.first().note == "Check the second quote."


def test_withdrawn_article_leaves_the_site(make_article, editor):
    article = make_article()
    article.publish(editor)
    article.withdraw(editor, "Legal advice")
    assert visible() == []
    assert article.status == Article.Status.WITHDRAWN


def test_reporters_edit_only_their_own_unpublished_articles(
    make_article, reporter, editor, make_user
):
    other = make_user("other", "Reporters")
    own = make_article(created_by=reporter)
    theirs = make_article(created_by=other)
    assert own.can_be_edited_by(reporter)
    assert not theirs.can_be_edited_by(reporter)
    own.publish(editor)
    assert not own.can_be_edited_by(reporter)
    assert own.can_be_edited_by(editor)


def test_create_translation_copies_structure_and_reporting_credits(make_article, translator):
    from tests.factories import contributor

    original = make_article(
        headline="Original",
        dateline_place="MOSCOW",
        dateline_agency="Reuters",
        credits=[
            ("reporting", "Guy Faulconbridge", "Moscow", ""),
            ("reporting", "Gwladys Fouche", "Oslo", ""),
            ("editing", "Blandine Hénault", "", ""),
        ],
    )
    translation = original.create_translation(translator, "fr", contributor("Lina Golovnya"))
    assert translation.status == Article.Status.DRAFT
    assert translation.translation_of == original
    assert (translation.language, translation.dateline_place) == ("fr", "MOSCOW")
    assert [(c.role, c.contributor.name) for c in translation.credits.all()] == [
        (Role.REPORTING, "Guy Faulconbridge"),
        (Role.REPORTING, "Gwladys Fouche"),
        (Role.EDITING, "Blandine Hénault"),
        (Role.TRANSLATION, "Lina Golovnya"),
    ]
    assert "version française Lina Golovnya" in translation.credit_line
    assert translation.can_be_edited_by(translator)
    assert not original.can_be_edited_by(translator)


def test_translation_into_the_same_language_is_refused(make_article, translator):
    with pytest.raises(WorkflowError):
        make_article(language="en").create_translation(translator, "en")


def test_body_is_stored_sanitised(make_article):
    article = make_article(
        body='<h2>Sub</h2><p onclick="x()">Text <a href="javascript:alert(1)">bad</a>'
        '<a href="https://example.org/">good</a></p><script>alert(1)</script>'
        "<blockquote><p>Quote</p></blockquote><ul><li>One</li></ul>"
    )
    article.refresh_from_db()
    assert "<script" not in article.body and "onclick" not in article.body
    assert "javascript:" not in article.body
    assert '<a href="https://example.org/">good</a>' in article.body
    for kept in ("<h2>Sub</h2>", "<blockquote>", "<ul><li>One</li></ul>"):
        assert kept in article.body


def test_every_step_is_offered_in_the_admin_from_one_table(client, make_article, editor):
    from django.urls import reverse

    from articles.models import STEPS
    from tests.factories import change_url

    draft = make_article(created_by=editor)
    client.force_login(editor)
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    for step in STEPS.values():
        if step.bulk:
            assert f'value="{step.verb}_selected"' in changelist and step.bulk in changelist
    page = client.get(change_url(draft)).content.decode()
    offered = [s.name for s in STEPS.values() if f'name="_step" value="{s.name}"' in page]
    assert offered == [s.name for s in draft.available_steps(editor)] == ["submit", "publish"]
    assert "Save and submit" in page and "Save and publish" in page


def test_return_needs_a_note_in_the_model_and_on_the_form(client, make_article, editor):
    from django.urls import reverse

    from articles.models import STEPS

    article = make_article(status=Article.Status.REVIEW)
    with pytest.raises(WorkflowError, match="a note is required"):
        article.return_to_reporter(editor, "  ")
    client.force_login(editor)
    url = reverse("admin:articles_article_transition", args=[article.pk, "return"])
    page = client.post(url, {"note": ""}).content.decode()
    assert STEPS["return"].note_required in page
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_an_embargoed_publication_says_embargoed_until(client, make_article, editor):
    from django.urls import reverse

    lifts = timezone.now() + timedelta(hours=6)
    article = make_article(embargo_until=lifts)
    client.force_login(editor)
    url = reverse("admin:articles_article_transition", args=[article.pk, "publish"])
    page = client.post(url, {"note": ""}, follow=True).content.decode()
    when = timezone.localtime(lifts).strftime("%Y-%m-%d %H:%M")
    assert f"is embargoed until {when}" in page and "scheduled for" not in page


def test_publishing_embargoed_stories_in_bulk_says_embargoed_until(client, make_article, editor):
    from django.urls import reverse

    from tests.factories import run_action

    lifts = timezone.now() + timedelta(hours=6)
    embargoed = make_article(headline="Rates decision", embargo_until=lifts)
    later = make_article(headline="Jobs report", embargo_until=lifts)
    client.force_login(editor)
    response = run_action(client, "publish_selected", [embargoed, later])
    said = [str(message) for message in response.context["messages"]]
    when = timezone.localtime(lifts).strftime("%Y-%m-%d %H:%M")
    assert any(f"“Rates decision” is embargoed until {when}" in message for message in said)
    assert any(f"“Jobs report” is embargoed until {when}" in message for message in said)
    assert not any("scheduled" in message.lower() for message in said)
    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert listing.count('class="state-badge state-embargoed">Embargoed<') == 2


def test_an_embargo_lifting_before_the_publish_time_says_both(client, make_article, editor):
    from django.urls import reverse

    lifts = timezone.now() + timedelta(hours=2)
    article = make_article(embargo_until=lifts)
    client.force_login(editor)
    url = reverse("admin:articles_article_transition", args=[article.pk, "publish"])
    publish_at = timezone.localtime(timezone.now() + timedelta(days=1))
    data = {"note": "", "publish_at_0": publish_at.date(), "publish_at_1": "09:00"}
    page = client.post(url, data, follow=True).content.decode()
    when = timezone.localtime(lifts).strftime("%Y-%m-%d %H:%M %Z")
    assert f"is embargoed until {when} and scheduled for {publish_at:%Y-%m-%d} 09:00" in page


def test_who_may_delete_an_article(make_article, make_user, reporter, editor):
    draft, live = make_article(), make_article(status=Article.Status.PUBLISHED)
    assert draft.can_be_deleted_by(editor) and live.can_be_deleted_by(editor)
    assert not draft.can_be_deleted_by(reporter) and not live.can_be_deleted_by(reporter)
    deleter = make_user("deleter")
    deleter.user_permissions.add(*Permission.objects.filter(codename="delete_article"))
    deleter = type(deleter).objects.get(pk=deleter.pk)
    assert draft.can_be_deleted_by(deleter) and not live.can_be_deleted_by(deleter)
