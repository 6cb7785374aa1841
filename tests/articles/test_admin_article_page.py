"""The article's admin page: its "Save and …" buttons never drop what was typed."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Transition
from tests.factories import change_url, form_values, save_through_admin

pytestmark = pytest.mark.django_db


def save_and(client, article, step, **changes):
    """Press one of the form's "Save and …" buttons after changing the fields."""
    return save_through_admin(client, article, _step=step, **changes)


def test_save_and_publish_publishes_the_edit_in_one_click(client, editor, make_article):
    article = make_article(standfirst="Old standfirst", created_by=editor)
    article.submit(editor)
    client.force_login(editor)
    response = save_and(client, article, "publish", standfirst="New standfirst, just typed")
    assert response.status_code == 302 and response.url == change_url(article)
    article.refresh_from_db()
    assert (article.standfirst, article.is_public) == ("New standfirst, just typed", True)
    page = client.get(response.url).content.decode()
    assert "Saved. “A headline” is now published." in page
    # One revision for the one click, telling the edit and the step.
    revision = Version.objects.get_for_object(article).first().revision
    assert revision.comment == "Changed Standfirst. Published."
    # What readers see is the edit, not what was saved before it.
    assert "New standfirst, just typed" in client.get(article.get_absolute_url()).content.decode()


def test_save_and_submit_and_the_note_goes_into_the_history(client, reporter, make_article):
    article = make_article(created_by=reporter, body="<p>First.</p>")
    client.force_login(reporter)
    save_and(client, article, "submit", body="<p>Second.</p>", step_note="Ready for the desk")
    article.refresh_from_db()
    assert (article.body, article.status) == ("<p>Second.</p>", "review")
    assert article.transitions.get().note == "Ready for the desk"


def test_save_and_publish_at_a_later_time_schedules_it(client, editor, make_article):
    article = make_article(created_by=editor)
    client.force_login(editor)
    save_and(
        client,
        article,
        "publish",
        step_publish_at_0="2999-01-01",
        step_publish_at_1="06:00",
    )
    article.refresh_from_db()
    assert article.is_scheduled and article.publish_at.year == 2999


def test_returning_without_a_note_saves_nothing_and_keeps_the_text(client, editor, make_article):
    article = make_article(headline="Before", status=Article.Status.REVIEW)
    client.force_login(editor)
    response = save_and(client, article, "return", headline="Typed, not yet saved")
    assert response.status_code == 200
    page = response.content.decode()
    assert "a note is required" in page
    assert 'value="Typed, not yet saved"' in page
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Before", "review")


def test_a_stale_form_neither_saves_nor_takes_the_step(client, editor, make_article):
    article = make_article(headline="Original", status=Article.Status.REVIEW)
    client.force_login(editor)
    opened = form_values(client.get(change_url(article)))
    Article.objects.get(pk=article.pk).save()  # someone else saves in between
    response = client.post(change_url(article), {**opened, "headline": "Mine", "_step": "publish"})
    assert response.status_code == 200
    assert "Someone else saved this article" in response.content.decode()
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Original", "review")
    assert not Transition.objects.exists()


def test_a_step_the_user_may_not_take_is_refused_before_saving(client, reporter, make_article):
    article = make_article(headline="Own", created_by=reporter)
    client.force_login(reporter)
    response = save_and(client, article, "publish", headline="Forged")
    assert response.status_code == 200
    assert "cannot be published by you now; nothing was saved" in response.content.decode()
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Own", "draft")


def test_a_new_article_can_be_saved_and_submitted_at_once(client, reporter, section):
    client.force_login(reporter)
    add = reverse("admin:articles_article_add")
    data = form_values(client.get(add))
    data.update(headline="Fresh", slug="fresh", section=str(section.pk), _step="submit")
    response = client.post(add, data)
    article = Article.objects.get(slug="fresh")
    assert response.url == change_url(article)
    assert (article.status, article.created_by) == ("review", reporter)


def test_the_buttons_are_those_of_the_steps_open_to_the_user(
    client, reporter, editor, make_article
):
    article = make_article(created_by=reporter, status=Article.Status.REVIEW)
    client.force_login(reporter)
    page = client.get(change_url(article)).content.decode()
    assert re.findall(r'name="_step" value="(\w+)"', page) == []  # in review: nothing to take
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert re.findall(r'name="_step" value="(\w+)"', page) == ["publish", "return"]
    assert ">Save and return to reporter</button>" in page
    live = make_article()
    live.publish(editor)
    page = client.get(change_url(live)).content.decode()
    assert 'data-confirm="Withdraw this story? Its page will tell readers it is gone."' in page
    # The first button is a plain save: Enter in a field never publishes.
    assert page.index('name="_save"') < page.index('name="_step"')


def test_someone_who_may_not_edit_gets_no_save_buttons(client, reporter, editor, make_article):
    live = make_article(created_by=reporter)
    live.publish(editor)
    client.force_login(reporter)
    page = client.get(change_url(live)).content.decode()
    assert 'name="_save"' not in page and 'name="_step"' not in page


def test_the_words_and_credits_come_first_the_placement_at_the_side(client, editor, make_article):
    article = make_article()
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    main, side = page.split('<div class="desk-side">')
    for field in ("id_headline", "id_standfirst", "id_body", "credits-group", "id_lead_image"):
        assert field in main
    assert main.index("id_body") < main.index("credits-group") < main.index("id_lead_image")
    for field in ("id_section", "id_language", "id_translation_of", "id_embargo_until_0"):
        assert field in side


def test_date_and_time_boxes_are_labelled_and_say_the_time_zone(client, editor, make_article):
    article = make_article(status=Article.Status.REVIEW)
    client.force_login(editor)
    for url in (
        change_url(article),
        reverse("admin:articles_article_transition", args=[article.pk, "publish"]),
    ):
        page = client.get(url).content.decode()
        name = "step_publish_at" if "change" in url else "publish_at"
        assert f'<label for="id_{name}_0">Date:</label>' in page
        assert f'<label for="id_{name}_1">Time:</label>' in page
        assert f"Times are {timezone.get_current_timezone_name()}." in page
        assert 'type="date"' not in page


def test_the_publish_page_button_says_what_it_does(client, editor, make_article):
    article = make_article(headline="A very long headline " * 5)
    client.force_login(editor)
    url = reverse("admin:articles_article_transition", args=[article.pk, "publish"])
    page = client.get(url).content.decode()
    assert '<input type="submit" class="default" value="Publish">' in page


@pytest.mark.parametrize(
    ("state", "address"),
    [("draft", "preview"), ("live", "public")],
)
def test_view_on_site_goes_where_the_article_can_be_seen(
    client, editor, make_article, state, address
):
    article = make_article()
    if state == "live":
        article.publish(editor)
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    expected = (
        reverse("articles:preview", args=[article.pk])
        if address == "preview"
        else article.get_absolute_url()
    )
    label = "Preview" if address == "preview" else "View on site"
    assert f'<a href="{expected}" class="viewsitelink">{label}</a>' in page
    assert client.get(expected).status_code == 200


def test_minor_edit_is_asked_only_of_who_may_edit_a_live_story(
    client, editor, reporter, make_article
):
    story = make_article(created_by=reporter)
    client.force_login(editor)
    assert 'name="minor_edit"' not in client.get(change_url(story)).content.decode()
    story.publish(editor)
    assert 'name="minor_edit"' in client.get(change_url(story)).content.decode()
    client.force_login(reporter)  # may only look at it now
    assert "Minor edit" not in client.get(change_url(story)).content.decode()
