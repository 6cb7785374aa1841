"""Each role tried through the admin: what it may do succeeds, the rest is refused."""

import pytest
from django.urls import reverse

from articles.models import Article, Correction
from tests.factories import (
    change_url,
    contributor,
    form_values,
    run_action,
    save_through_admin,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")


@pytest.mark.parametrize("role", ["reporter", "editor", "moderator"])
def test_logging_in_without_a_next_address_lands_on_the_admin_index(client, role, request):
    request.getfixturevalue(role)
    response = client.post(reverse("admin:login"), {"username": role, "password": "pw"})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


def step_url(article, name):
    return reverse("admin:articles_article_transition", args=[article.pk, name])


def add_through_admin(client, section, **fields):
    page = client.get(ADD)
    assert page.status_code == 200
    data = form_values(page)
    data.update(headline="Fresh story", slug="fresh-story", section=str(section.pk), **fields)
    data.update(
        {
            "credits-TOTAL_FORMS": "1",
            "credits-0-position": "0",
            "credits-0-role": "reporting",
            "credits-0-contributor": str(contributor("Ann One").pk),
            "credits-0-place": "Kyiv",
        }
    )
    return client.post(ADD, data)


def offered_actions(client):
    return [
        value for value, _ in client.get(CHANGELIST).context["action_form"].fields["action"].choices
    ]


def test_anonymous_reader_is_sent_to_the_login_page(client, make_article):
    article = make_article()
    for url in (CHANGELIST, ADD, change_url(article), step_url(article, "publish")):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response.url


def test_reporter_writes_and_submits_own_article(client, reporter, section):
    client.force_login(reporter)
    response = add_through_admin(client, section)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="fresh-story")
    assert article.created_by == reporter
    assert article.credit_line == "(Reporting by Ann One in Kyiv)"

    response = save_through_admin(client, article, headline="Fresher story")
    assert response.status_code == 302
    response = client.post(step_url(article, "submit"), {"note": "Done"}, follow=True)
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Fresher story", "review")
    assert "now in review" in response.content.decode()


def test_reporter_cannot_publish_touch_others_or_published(
    client, reporter, editor, make_user, make_article
):
    own = make_article(created_by=reporter, headline="Own")
    own.submit(reporter)
    others = make_article(created_by=make_user("other", "Reporters"), headline="Others")
    published = make_article(created_by=reporter, headline="Live")
    published.publish(editor)
    client.force_login(reporter)

    assert "publish_selected" not in offered_actions(client)
    assert "withdraw_selected" not in offered_actions(client)
    client.post(step_url(own, "publish"), {"note": ""})
    run_action(client, "publish_selected", [own])
    own.refresh_from_db()
    assert own.status == "review"

    for article in (others, published):
        page = client.get(change_url(article))
        assert page.status_code == 200  # read-only view
        data = {**form_values(page), "headline": "Tampered"}
        assert client.post(change_url(article), data).status_code == 403
        article.refresh_from_db()
        assert article.headline != "Tampered"
    client.post(step_url(published, "withdraw"), {"note": ""})
    published.refresh_from_db()
    assert published.status == "published"
    assert (
        client.post(
            reverse("admin:articles_article_delete", args=[published.pk]), {"post": "yes"}
        ).status_code
        == 403
    )


def test_translator_creates_and_edits_a_translation_but_not_the_original(
    client, translator, editor, make_article
):
    original = make_article(headline="Original", credits=[("reporting", "Ann One", "Kyiv", "")])
    original.publish(editor)
    lina = contributor("Lina Golovnya")
    lina.user = translator
    lina.save()
    client.force_login(translator)

    response = run_action(client, "create_translation", [original])
    assert response.status_code == 200 and "Create translation" in response.content.decode()
    response = run_action(
        client, "create_translation", [original], apply="1", language="fr", translator=str(lina.pk)
    )
    translation = Article.objects.get(translation_of=original)
    assert response.redirect_chain[-1][0] == change_url(translation)
    assert translation.credit_line == "(Reportage Ann One à Kiev; version française Lina Golovnya)"

    assert (
        save_through_admin(client, translation, headline="Original, en français").status_code == 302
    )
    page = client.get(change_url(original))
    data = {**form_values(page), "headline": "Tampered"}
    assert client.post(change_url(original), data).status_code == 403
    client.post(step_url(translation, "publish"), {"note": ""})
    translation.refresh_from_db()
    assert translation.status == "draft" and translation.headline == "Original, en français"


def test_editor_edits_returns_publishes_schedules_withdraws_and_corrects(
    client, editor, reporter, make_article
):
    article = make_article(created_by=reporter)
    article.submit(reporter)
    client.force_login(editor)

    response = client.post(step_url(article, "return"), {"note": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    client.post(step_url(article, "return"), {"note": "Needs a second source"})
    article.refresh_from_db()
    assert article.status == "draft"
    history = client.get(change_url(article)).content.decode()
    assert "Needs a second source" in history

    client.post(
        step_url(article, "publish"),
        {"note": "", "publish_at_0": "2999-01-01", "publish_at_1": "06:00"},
    )
    article.refresh_from_db()
    assert article.is_scheduled and not Article.objects.published().exists()

    response = run_action(client, "publish_selected", [article])
    article.refresh_from_db()
    assert article.is_public
    assert "Published: 1 article(s)." in response.content.decode()

    response = save_through_admin(
        client,
        article,
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-published_at_0": "2026-01-02",
            "corrections-0-published_at_1": "10:00",
            "corrections-0-text": "The vote was on Tuesday.",
        },
    )
    assert response.status_code == 302
    assert Correction.objects.get(article=article).text == "The vote was on Tuesday."

    run_action(client, "withdraw_selected", [article])
    article.refresh_from_db()
    assert article.status == "withdrawn"


def test_moderator_sees_nothing_of_the_article_tools(client, moderator, make_article):
    article = make_article()
    client.force_login(moderator)
    for url in (CHANGELIST, ADD, change_url(article), step_url(article, "publish")):
        assert client.get(url).status_code == 403
    assert client.post(step_url(article, "publish"), {"note": ""}).status_code == 403
    assert Article.objects.published().count() == 0
