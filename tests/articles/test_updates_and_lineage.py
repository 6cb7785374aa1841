import json
from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, WorkflowError
from tests.factories import change_url, contributor, run_action, save_through_admin
from wire.importer import read_story, save_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(make_article, editor):
    article = make_article(headline="Live story")
    article.publish(editor)
    return article


def test_minor_edit_changes_no_updated_time(client, editor, live):
    client.force_login(editor)
    save_through_admin(client, live, headline="Live story, typo fixed", minor_edit="on")
    live.refresh_from_db()
    assert live.updated_at is None and live.revision == 1


def test_substantive_edit_shows_updated_and_is_in_the_history(client, editor, live):
    client.force_login(editor)
    save_through_admin(client, live, headline="Live story, new facts")
    live.refresh_from_db()
    assert live.updated_at is not None and live.revision == 2
    history = client.get(reverse("admin:articles_article_history", args=[live.pk]))
    assert "Substantive update" in history.content.decode()


def test_saving_unchanged_is_no_update_in_the_history(client, editor, live):
    client.force_login(editor)
    save_through_admin(client, live)
    live.refresh_from_db()
    assert live.updated_at is None and live.revision == 1
    history = client.get(reverse("admin:articles_article_history", args=[live.pk]))
    assert "No fields changed." in history.content.decode()
    assert "Substantive update" not in history.content.decode()


def test_embargoed_article_stays_hidden_until_its_time(make_article, editor, monkeypatch):
    lifted = timezone.now() + timedelta(hours=2)
    article = make_article(embargo_until=lifted)
    article.publish(editor)
    assert article.status == "published" and article.is_embargoed
    assert not Article.objects.published().exists() and not article.is_public
    later = lifted + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert list(Article.objects.published()) == [article]


@pytest.fixture
def translation(live, translator):
    lina = contributor("Lina Golovnya")
    translator.email = "lina@example.com"
    translator.save()
    lina.user = translator
    lina.save()
    return live.create_translation(translator, "fr", lina)


def test_correction_flags_translations_and_tells_the_translator(
    client, editor, translator, live, translation, django_capture_on_commit_callbacks
):
    assert not translation.is_out_of_date
    with django_capture_on_commit_callbacks(execute=True):
        live.add_correction(editor, "The vote was on Tuesday.")
    translation.refresh_from_db()
    assert translation.is_out_of_date
    assert list(Article.objects.out_of_date_translations()) == [translation]
    assert mail.outbox[0].to == ["lina@example.com"]
    assert "The vote was on Tuesday." in mail.outbox[0].body

    client.force_login(translator)
    page = client.get(change_url(translation)).content.decode()
    assert "has been corrected or updated since this translation was made" in page
    changelist = reverse("admin:articles_article_changelist")
    listed = client.get(changelist, {"translation": "out_of_date"}).context["cl"].result_list
    assert list(listed) == [translation]

    run_action(client, "mark_up_to_date", [translation])
    translation.refresh_from_db()
    assert not translation.is_out_of_date


def test_substantive_update_through_admin_flags_translations(
    client, editor, live, translation, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        save_through_admin(client, live, headline="Live story, new facts")
    translation.refresh_from_db()
    assert translation.is_out_of_date
    assert len(mail.outbox) == 1


def test_minor_edit_leaves_translations_up_to_date(client, editor, live, translation):
    client.force_login(editor)
    save_through_admin(client, live, headline="Live story.", minor_edit="on")
    translation.refresh_from_db()
    assert not translation.is_out_of_date
    assert mail.outbox == []


def test_correction_added_in_the_admin_counts(client, editor, live, translation):
    client.force_login(editor)
    save_through_admin(
        client,
        live,
        minor_edit="on",
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-published_at_0": "2026-01-02",
            "corrections-0-published_at_1": "10:00",
            "corrections-0-text": "The mayor's name is Ana, not Anna.",
        },
    )
    translation.refresh_from_db()
    assert translation.is_out_of_date


# One translation per language


def test_a_second_translation_into_a_language_is_refused(live, editor, translation):
    with pytest.raises(WorkflowError, match="already has a French translation"):
        live.create_translation(editor, "fr")
    assert live.translations.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(
            headline="Copie", slug="copie", section=live.section, language="fr", translation_of=live
        )


def test_the_create_translation_action_says_why(client, editor, live, translation):
    client.force_login(editor)
    page = run_action(client, "create_translation", [live], apply="1", language="fr")
    assert "already has a French translation, “Live story”" in page.content.decode()
    assert live.translations.count() == 1


def test_the_article_form_refuses_a_second_translation_and_keeps_the_text(
    client, editor, live, translation
):
    german = live.create_translation(editor, "de")
    client.force_login(editor)
    response = save_through_admin(client, german, language="fr", headline="Mein Titel")
    page = response.content.decode()
    assert response.status_code == 200
    assert "already has a French translation" in page and 'value="Mein Titel"' in page
    german.refresh_from_db()
    assert german.language == "de"


def test_a_wire_translation_of_a_translated_story_comes_in_unlinked_with_a_note(
    live, editor, translation
):
    live.source_id = "urn:wire:live"
    live.save()
    item = {
        "uri": "urn:wire:live-fr-2",
        "language": "fr",
        "headlines": [{"role": "main", "value": "Histoire en direct"}],
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Texte."}],
        "altids": [{"role": "translation-of", "value": "urn:wire:live"}],
    }
    result = save_story(read_story(json.dumps(item).encode(), "fr.json"), editor)
    assert result.article.translation_of is None
    assert "already has a French translation" in result.article.notes
    assert live.translations.count() == 1


@pytest.mark.django_db(transaction=True)
def test_doubled_translations_from_before_are_unlinked_with_a_note(section):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("articles", "0009_first_published_is_release")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("articles", "Article")
    original = old.objects.create(headline="Story", slug="story", section_id=section.pk)
    made = [
        old.objects.create(
            headline=headline,
            slug=headline.lower(),
            section_id=section.pk,
            language="fr",
            translation_of=original,
            status=status,
        )
        for headline, status in [("Brouillon", "draft"), ("Publiée", "published")]
    ]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    draft, published = (Article.objects.get(pk=a.pk) for a in made)
    assert published.translation_of_id == original.pk  # the one readers see stays
    assert draft.translation_of is None
    assert "Unlinked from “Story”" in draft.notes and "“Publiée”" in draft.notes
