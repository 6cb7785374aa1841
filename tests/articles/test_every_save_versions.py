"""
The ways of saving a story that test_revisions_every_save.py does not walk: the workflow's
own buttons and the list's bulk steps, the list's "Create translation", a translator's edit
and "Mark up to date", a wire story imported and updated through the import page. Each
leaves a version that opens, compares and restores.
"""

import json

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from tests.articles.test_revisions_every_save import opens_compares_and_restores
from tests.factories import change_url, form_values, make_article, run_action

pytestmark = pytest.mark.django_db


def versions_of(article):
    return list(Version.objects.get_for_object(article))


def wire_copy(headline, body):
    item = {
        "uri": "urn:wire:harbour-2026",
        "language": "en",
        "headlines": [{"role": "main", "value": headline}],
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": body}],
    }
    return json.dumps(item)


def test_buttons_bulk_steps_translations_and_the_wire_page_each_leave_a_version(
    client, editor, translator, section
):
    client.force_login(editor)
    article = make_article(headline="Harbour reopens", section=section, created_by=editor)
    kinds = []

    def saved(kind, story=article):
        kinds.append(kind)
        assert len(versions_of(story)) == len(kinds), f"{kind} left no version"

    def button(name, **data):
        url = reverse("admin:articles_article_transition", args=[article.pk, name])
        assert client.post(url, data).status_code == 302
        saved(f"{name} button")

    button("submit", note="")
    button("return", note="Needs a quote")
    button("submit", note="")
    button("publish", publish_at_0="2030-01-01", publish_at_1="09:00:00")  # scheduled
    assert run_action(client, "withdraw_selected", [article]).status_code == 200
    saved("bulk withdraw")

    second = make_article(headline="Ferry fares rise", section=section, created_by=editor)
    for action in ["submit_selected", "publish_selected"]:
        run_action(client, action, [second])
    assert len(versions_of(second)) == 2
    opens_compares_and_restores(client, second)

    # The list's "Create translation", then the translator's edit and "Mark up to date".
    page = run_action(
        client, "create_translation", [second], language="fr", translator="", apply="1"
    )
    translation = Article.objects.get(translation_of=second)
    assert page.redirect_chain[-1][0] == change_url(translation)
    client.force_login(translator)
    edit = form_values(client.get(change_url(translation)))
    edit["headline"] = "Les tarifs du ferry augmentent"
    assert client.post(change_url(translation), edit).status_code == 302
    second.edit(editor, headline="Ferry fares rise again")
    run_action(client, "mark_up_to_date", [translation])
    translation.refresh_from_db()
    assert not translation.is_out_of_date
    assert len(versions_of(translation)) == 3  # created, edited, marked up to date
    opens_compares_and_restores(client, translation)
    translation.refresh_from_db()
    assert not translation.is_out_of_date  # restoring brings back words, not bookkeeping

    # A wire story imported, then updated, through the import page.
    client.force_login(editor)
    import_url = reverse("wire:import")
    for headline in ["Harbour strike called", "Harbour strike called off"]:
        response = client.post(
            import_url,
            {"text": wire_copy(headline, "Dockers vote."), "section": section.pk, "publish": "on"},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    wired = Article.objects.get(source_id="urn:wire:harbour-2026")
    assert wired.headline == "Harbour strike called off"
    assert len(versions_of(wired)) >= 2
    opens_compares_and_restores(client, wired)

    client.force_login(editor)
    opens_compares_and_restores(client, article)
