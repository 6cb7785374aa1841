import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from tests.factories import change_url, contributor, form_values, save_through_admin

pytestmark = pytest.mark.django_db


def credit_names(article):
    return [c.contributor.name for c in article.credits.all()]


def test_every_admin_save_keeps_a_version_and_restoring_brings_back_credits(
    client, editor, make_article
):
    article = make_article(headline="First", credits=[("reporting", "Ann One", "Kyiv", "")])
    client.force_login(editor)
    assert save_through_admin(client, article, headline="Second").status_code == 302
    page = client.get(change_url(article))
    data = form_values(page)
    data.update({"headline": "Third", "credits-0-DELETE": "on"})
    data.update(
        {
            "credits-TOTAL_FORMS": "2",
            "credits-1-position": "1",
            "credits-1-role": "editing",
            "credits-1-contributor": str(contributor("Bob Two").pk),
        }
    )
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert (article.headline, credit_names(article)) == ("Third", ["Bob Two"])

    versions = Version.objects.get_for_object(article)
    assert len(versions) == 2
    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200
    compare = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": versions[1].pk, "version_id2": versions[0].pk},
    )
    assert compare.status_code == 200 and "Third" in compare.content.decode()

    # Restore the first saved version through the admin's revision page.
    revision_url = reverse("admin:articles_article_revision", args=[article.pk, versions[1].pk])
    page = client.get(revision_url)
    assert page.status_code == 200
    assert client.post(revision_url, form_values(page)).status_code == 302
    article.refresh_from_db()
    assert (article.headline, credit_names(article)) == ("Second", ["Ann One"])
    assert article.credit_line == "(Reporting by Ann One in Kyiv)"


def test_second_editor_saving_a_stale_form_is_refused_and_loses_nothing(
    client, editor, make_user, make_article
):
    article = make_article(headline="Original")
    client.force_login(editor)
    stale_form = form_values(client.get(change_url(article)))

    other = make_user("other", "Editors")
    client.force_login(other)
    assert save_through_admin(client, article, headline="Their version").status_code == 302

    client.force_login(editor)
    response = client.post(change_url(article), {**stale_form, "headline": "My version"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this article after you opened it" in page
    assert 'value="My version"' in page  # what was typed is still there
    article.refresh_from_db()
    assert article.headline == "Their version"


def test_workflow_step_makes_an_open_form_stale(client, editor, reporter, make_article):
    article = make_article(created_by=reporter, headline="Draft")
    client.force_login(reporter)
    stale_form = form_values(client.get(change_url(article)))
    Article.objects.get(pk=article.pk).submit(reporter)
    article.refresh_from_db()
    article.return_to_reporter(editor, "Shorter please")
    response = client.post(change_url(article), {**stale_form, "headline": "Edited"})
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).headline == "Draft"


def test_a_deleted_published_article_is_recovered_as_a_draft_with_its_credits(
    client, editor, make_user, make_article
):
    article = make_article(headline="Live once", credits=[("reporting", "Ann One", "Kyiv", "")])
    client.force_login(editor)
    assert save_through_admin(client, article, headline="Live once").status_code == 302
    article.submit(editor)
    article.publish(editor)
    pk, url = article.pk, article.get_absolute_url()
    admin = make_user("chief", is_superuser=True)
    client.force_login(admin)
    client.post(reverse("admin:articles_article_delete", args=[pk]), {"post": "yes"})
    assert not Article.objects.filter(pk=pk).exists()

    version = Version.objects.get_deleted(Article).get(object_id=str(pk))
    recover_url = reverse("admin:articles_article_recover", args=[version.pk])
    assert client.post(recover_url, form_values(client.get(recover_url))).status_code == 302

    article = Article.objects.get(pk=pk)
    assert article.status == Article.Status.DRAFT
    assert credit_names(article) == ["Ann One"]
    assert client.logout() is None and client.get(url).status_code == 404
    step = article.transitions.first()
    assert (step.from_status, step.to_status, step.user) == ("published", "draft", admin)
