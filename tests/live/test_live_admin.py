"""Live coverage on the article's admin page: post from the short form, act on each post."""

import pytest
from django.urls import reverse

from live.models import LiveCoverage, LivePost
from tests.factories import change_url, contributor, jpeg


@pytest.fixture
def live(publish, editor):
    story = publish(headline="Storm reaches the coast", slug="storm-live")
    LiveCoverage.start(story, editor)
    return story


def live_url(article, action):
    return reverse("admin:articles_article_live", args=[article.pk, action])


def post_url(post, action):
    return reverse("admin:articles_article_live_post", args=[post.article_id, post.pk, action])


def test_an_editor_starts_coverage_from_the_article_page(client, publish, editor):
    story = publish()
    client.force_login(editor)
    page = client.get(change_url(story)).content.decode()
    assert "Start live coverage" in page and "Post now" not in page
    client.post(live_url(story, "start"))
    story.refresh_from_db()
    assert story.live_coverage.is_running
    assert "Post now" in client.get(change_url(story)).content.decode()


def post_form(**fields):
    """The short form's fields, named as the page names them."""
    return {f"live-{name}": value for name, value in fields.items()}


def test_the_short_form_posts_with_reporter_place_and_picture(client, live, editor):
    client.force_login(editor)
    response = client.post(
        live_url(live, "post"),
        post_form(
            title="Roofs torn off",
            body="<p>Wind at 140 km/h.</p><script>x()</script>",
            reporters=contributor("Bo Ek").pk,
            place="Bergen",
            image=jpeg(400, 300),
            image_alt="A roof in the street",
        ),
    )
    assert response.status_code == 302
    post = LivePost.objects.get()
    assert post.body == "<p>Wind at 140 km/h.</p>" and post.image
    assert post.credit_line == "(Reporting by Bo Ek in Bergen)"
    page = client.get(change_url(live)).content.decode()
    assert "Roofs torn off" in page and "Pin as key point" in page


def test_a_refused_post_keeps_what_was_typed_and_says_why(client, live, editor):
    client.force_login(editor)
    response = client.post(
        live_url(live, "post"),
        post_form(title="Kept title", body="<p>Kept words.</p>", image=jpeg(400, 300)),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "The post was not added" in page and "Kept title" in page
    assert "&lt;p&gt;Kept words.&lt;/p&gt;" in page
    assert not LivePost.objects.exists()


def test_editors_pin_correct_withdraw_and_break_out(client, live, editor):
    post = live.live_coverage.add_post(
        editor, "<p>Bridge shut.</p>", credits=[("reporting", contributor("Bo Ek"), "Oslo")]
    )
    client.force_login(editor)
    client.post(post_url(post, "pin"))
    client.post(post_url(post, "correct"), {"note": "The north bridge."})
    post.refresh_from_db()
    assert post.pinned and post.correction == "The north bridge."
    response = client.post(post_url(post, "break-out"))
    post.refresh_from_db()
    assert response.url == change_url(post.broken_out_to)
    client.post(post_url(post, "withdraw"))
    post.refresh_from_db()
    assert post.withdrawn_at is not None


def test_a_reporter_posts_on_their_story_but_cannot_pin_or_withdraw(client, live, reporter):
    live.created_by = reporter
    live.save()
    client.force_login(reporter)
    page = client.get(change_url(live)).content.decode()
    assert "Post now" in page and "End live coverage" not in page
    client.post(live_url(live, "post"), post_form(body="<p>From the harbour.</p>"))
    post = LivePost.objects.get()
    assert "Pin as key point" not in client.get(change_url(live)).content.decode()
    client.post(post_url(post, "pin"))
    client.post(post_url(post, "withdraw"))
    client.post(live_url(live, "end"))
    post.refresh_from_db()
    live.refresh_from_db()
    assert not post.pinned and post.withdrawn_at is None and live.live_coverage.is_running


def test_a_reporter_not_on_the_story_cannot_post(client, live, reporter):
    client.force_login(reporter)
    assert "Post now" not in client.get(change_url(live)).content.decode()
    client.post(live_url(live, "post"), post_form(body="<p>Sneaky.</p>"))
    assert not LivePost.objects.exists()


def test_the_actions_answer_only_post(client, live, editor):
    post = live.live_coverage.add_post(editor, "<p>One.</p>")
    client.force_login(editor)
    assert client.get(post_url(post, "withdraw")).status_code == 405
    assert client.get(live_url(live, "end")).status_code == 405


def test_the_article_list_marks_stories_whose_coverage_runs(client, live, publish, editor):
    publish(headline="A quiet story", slug="quiet")
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert page.count('class="state-badge state-live-coverage">Live coverage<') == 1
    live.live_coverage.end(editor)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "state-live-coverage" not in page


def test_restoring_an_older_version_keeps_the_coverage_as_it_is(client, publish, editor):
    from reversion.models import Version

    from tests.factories import form_values, save_through_admin

    story = publish(headline="Before the storm", slug="before")
    client.force_login(editor)
    save_through_admin(client, story, headline="Before the storm, edited", minor_edit="on")
    story.refresh_from_db()
    LiveCoverage.start(story, editor)
    save_through_admin(client, story, headline="Storm: live", minor_edit="on")
    versions = Version.objects.get_for_object(story)
    older = next(v for v in versions if v.field_dict["headline"] == "Before the storm, edited")
    assert not any("coverage" in name for name in older.field_dict)  # kept apart from it
    url = reverse("admin:articles_article_revision", args=[story.pk, older.pk])
    assert client.post(url, form_values(client.get(url))).status_code == 302
    story.refresh_from_db()
    assert story.headline == "Before the storm, edited" and story.live_coverage.is_running
