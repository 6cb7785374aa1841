"""Every way a story is saved leaves a version that opens, compares and restores."""

import importlib
import json

import pytest
from django.apps import apps
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from tests.factories import change_url, contributor, form_values, published_article
from tests.roles import undone
from wire.importer import read_story, save_story

pytestmark = pytest.mark.django_db

BROKEN = ["incompatible", "will probably not work", "Could not load"]


def versions_of(article):
    return list(Version.objects.get_for_object(article))


def opens_compares_and_restores(client, article):
    """Each version of the story: history lists it, it compares with the one before, its
    page opens, and restoring it brings its headline back."""
    versions = versions_of(article)
    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200
    compare_url = reverse("admin:articles_article_compare", args=[article.pk])
    for newer, older in zip(versions, versions[1:], strict=False):
        page = client.get(compare_url, {"version_id1": older.pk, "version_id2": newer.pk})
        assert page.status_code == 200, newer.revision.comment
        assert not [word for word in BROKEN if word in page.content.decode()], (
            newer.revision.comment
        )
    for version in versions:
        assert isinstance(version.field_dict["revision"], int), version.revision.comment
        url = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
        page = client.get(url)
        assert page.status_code == 200, version.revision.comment
        with undone():
            assert client.post(url, form_values(page)).status_code == 302, version.revision.comment
            article.refresh_from_db()
            assert article.headline == version.field_dict["headline"]
    article.refresh_from_db()


def test_every_kind_of_save_leaves_a_version_that_opens_compares_and_restores(
    client, editor, translator, section
):
    client.force_login(editor)
    kinds = []

    def saved(kind, article):
        kinds.append(kind)
        assert len(versions_of(article)) == len(kinds), f"{kind} left no version"
        article.refresh_from_db()

    # The admin: add, edit, and each "Save and …" step.
    add = client.get(reverse("admin:articles_article_add"))
    data = form_values(add) | {
        "headline": "Bridge opens",
        "slug": "bridge-opens",
        "section": str(section.pk),
        "body": "<p>The bridge opens.</p>",
        "credits-TOTAL_FORMS": "1",
        "credits-0-position": "0",
        "credits-0-role": "reporting",
        "credits-0-contributor": str(contributor("Ann Lee").pk),
        "credits-0-place": "Oslo",
    }
    assert client.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = Article.objects.get(slug="bridge-opens")
    saved("admin add", article)

    def through_admin(kind, **changes):
        page = client.get(change_url(article))
        response = client.post(change_url(article), form_values(page) | changes)
        assert response.status_code == 302, kind
        saved(kind, article)

    through_admin("admin edit", headline="Bridge to open")
    through_admin("save and submit", _step="submit")
    through_admin("save and return", _step="return", step_note="Shorter")
    through_admin("save and submit again", _step="submit", headline="Bridge opens today")
    through_admin("save and publish", _step="publish")
    through_admin("substantive update", headline="Bridge opened")
    through_admin("minor edit", headline="Bridge opened!", minor_edit="on")
    through_admin(
        "correction",
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-text": "The bridge is 2 km long, not 3 km.",
            "corrections-0-published_at_0": "2026-01-01",
            "corrections-0-published_at_1": "10:00:00",
        },
    )
    assert article.revision > 3  # updates and the correction readers were told of

    # The model's own steps and edits, as the desk, the wire and live coverage use them.
    article.add_correction(editor, "The opening was on Monday.")
    assert len(versions_of(article)) == len(kinds)  # a correction alone is no edit
    article.edit(editor, headline="Bridge opened on Monday")
    saved("edit", article)

    article.source_id = "urn:wire:bridge"
    Article.objects.filter(pk=article.pk).update(source_id="urn:wire:bridge")
    item = {
        "uri": "urn:wire:bridge",
        "language": "en",
        "headlines": [{"role": "main", "value": "Bridge opened, traffic flows"}],
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Cars cross it."}],
    }
    save_story(read_story(json.dumps(item).encode(), "bridge.json"), editor, publish=True)
    saved("wire update", article)

    live_url = reverse("admin:articles_article_live", args=[article.pk, "start"])
    assert client.post(live_url).status_code == 302
    saved("live start", article)
    live_url = reverse("admin:articles_article_live", args=[article.pk, "end"])
    assert client.post(live_url).status_code == 302
    saved("live end", article)

    translation = article.create_translation(translator, "fr")
    assert len(versions_of(translation)) == 1

    first = versions_of(article)[-1]
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    assert client.post(url, form_values(client.get(url))).status_code == 302
    saved("restore", article)
    assert article.headline == "Bridge opens" and article.status == Article.Status.PUBLISHED

    through_admin("save and withdraw", _step="withdraw")

    opens_compares_and_restores(client, article)
    client.force_login(translator)
    opens_compares_and_restores(client, translation)


def test_versions_stored_with_the_expression_load_after_the_migration(client, editor):
    article = published_article(headline="Storm")
    client.force_login(editor)
    for headline in ["Storm nears", "Storm hits", "Storm passes"]:
        page = client.get(change_url(article))
        client.post(change_url(article), form_values(page) | {"headline": headline})
    # As versions were stored before: the expression that counted, not its number.
    first_broken, *others = versions_of(article)[:2]
    for version in [first_broken, *others]:
        data = json.loads(version.serialized_data)
        data[0]["fields"]["revision"] = "F(revision) + Value(1)"
        Version.objects.filter(pk=version.pk).update(serialized_data=json.dumps(data))
    compare_url = reverse("admin:articles_article_compare", args=[article.pk])
    ids = {"version_id1": others[0].pk, "version_id2": first_broken.pk}
    assert "incompatible" in client.get(compare_url, ids).content.decode()

    migration = importlib.import_module(
        "articles.migrations.0026_repair_revision_numbers_in_versions"
    )
    migration.repair_revision_numbers(apps, None)

    page = client.get(compare_url, ids).content.decode()
    assert not [word for word in BROKEN if word in page]
    numbers = [v.field_dict["revision"] for v in reversed(versions_of(article))]
    assert numbers == [2, 3, 4]
    opens_compares_and_restores(client, article)
