"""
The admin forms an editor uses, each opened as a browser would and sent back with one to
three of its fields generated instead (left out, sent twice, or a value of values.py): the
article's add and change forms with their credits, the live desk's post form, a
contributor's profile, a library picture's words and the comment queue's actions. Never a
server error; a refusal says why; and whatever was saved never breaks the pages that show
it (values.py, pages.py).
"""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st

from articles.models import Article, Topic
from comments.models import Comment
from live.models import LiveCoverage
from tests.factories import add_comment, contributor, form_values, with_lead_image

from .pages import assert_article_pages_show
from .values import anything, dates, languages, query_string, trouble_text

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

# Besides hostile values, what a choice or an id may be: empty, small ids, a known word.
CHOICES = ["", "0", "1", "2", "3", "-1", "on", "reporting", "photography", "en", "fr", "open"]
value = st.one_of(anything, dates, languages, st.sampled_from(CHOICES))
sent = st.one_of(st.lists(value, max_size=2), st.lists(trouble_text, max_size=1))


def generated(names):
    """One to three of the named fields, each with the values sent for it (maybe none)."""
    return st.sets(st.sampled_from(names), min_size=1, max_size=3).flatmap(
        lambda chosen: st.fixed_dictionaries(dict.fromkeys(sorted(chosen), sent))
    )


def posted(client, url, values):
    body = query_string([(name, v) for name, given in values.items() for v in given])
    return client.post(url, body, content_type="application/x-www-form-urlencoded")


def sent_back(client, url, changes, form_url=None):
    """The form as the page shows it, sent back to url with the changes."""
    page = client.get(form_url or url)
    assert page.status_code == 200
    values = {name: [v] for name, v in form_values(page).items()}
    return posted(client, url, {**values, **changes})


def refused_saying_why(response):
    page = response.content.decode()
    return any(mark in page for mark in ('class="errornote', 'class="errorlist', 'class="error"'))


def answered(response):
    """The answer, judged: never a server error; a page shown again says what is wrong."""
    assert response.status_code < 500
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert refused_saying_why(response), "refused without a reason"
    return response.status_code == 302


@pytest.fixture
def desk(editor, publish, settings):
    """A published story with a credit, a topic, a lead picture, a comment and live coverage."""
    settings.PAGE_CACHE_SECONDS = 300
    ann = contributor("Ann Fuzz")
    story = with_lead_image(publish(headline="Storm reaches the coast", slug="storm"))
    story.credits.create(contributor=ann, role="reporting", place="Oslo", position=0)
    story.topics.add(Topic.objects.create(name="Weather", slug="weather"))
    add_comment(story, text="First!", status=Comment.Status.PENDING)
    LiveCoverage.start(story, editor)
    client = Client()
    client.force_login(editor)
    return {"client": client, "story": story, "ann": ann}


ARTICLE_FIELDS = [
    "headline",
    "slug",
    "standfirst",
    "body",
    "section",
    "topics",
    "language",
    "translation_of",
    "lead_image",
    "credit_style",
    "comment_policy",
    "dateline_place",
    "dateline_agency",
    "notes",
    "embargo_until_0",
    "embargo_until_1",
    "opened_token",
    "credits-TOTAL_FORMS",
    "credits-0-role",
    "credits-0-contributor",
    "credits-0-place",
    "credits-0-language",
    "credits-0-position",
    "credits-0-id",
    "credits-1-role",
    "credits-1-contributor",
    "credits-1-place",
    "corrections-TOTAL_FORMS",
    "corrections-0-text",
    "corrections-0-wrong",
    "corrections-0-right",
]


@given(changes=generated(ARTICLE_FIELDS))
def test_the_article_change_form_takes_anything_without_a_server_error(desk, changes):
    story = desk["story"]
    url = reverse("admin:articles_article_change", args=[story.pk])
    if answered(sent_back(desk["client"], url, changes)):
        event("saved")
        assert_article_pages_show(story, desk["client"])


@given(changes=generated(ARTICLE_FIELDS))
def test_the_article_add_form_takes_anything_without_a_server_error(desk, changes):
    client, ann = desk["client"], desk["ann"]
    url = reverse("admin:articles_article_add")
    good = {
        "headline": ["Ferry runs again"],
        "slug": [f"ferry-{Article.objects.count()}"],
        "body": ["<p>The ferry crossed again.</p>"],
        "section": [str(desk["story"].section.pk)],
        "credits-TOTAL_FORMS": ["1"],
        "credits-0-role": ["reporting"],
        "credits-0-contributor": [str(ann.pk)],
        "credits-0-place": ["Bergen"],
        "credits-0-position": ["0"],
    }
    newest = Article.objects.order_by("-pk").first().pk
    if answered(sent_back(client, url, {**good, **changes})):
        added = Article.objects.filter(pk__gt=newest).first()
        event("saved" if added else "not saved")
        if added:
            assert_article_pages_show(added, client)


LIVE_FIELDS = ["title", "body", "reporters", "place", "image_alt", "image_caption"]


@given(changes=generated([f"live-{name}" for name in LIVE_FIELDS]))
def test_the_live_post_form_takes_anything_without_a_server_error(desk, changes):
    story = desk["story"]
    good = {
        "live-title": ["Rain at noon"],
        "live-body": ["<p>The first drops fell at noon.</p>"],
        "live-reporters": [str(desk["ann"].pk)],
    }
    url = reverse("admin:articles_article_live", args=[story.pk, "post"])
    posts = story.live_posts.count()
    if answered(posted(desk["client"], url, {**good, **changes})):
        event("posted" if story.live_posts.count() > posts else "not posted")
        assert_article_pages_show(story, desk["client"])


CONTRIBUTOR_FIELDS = ["name", "slug", "job_title", "photo", "bio", "bio_fr", "website"]
CONTRIBUTOR_FIELDS += ["social_links", "user"]


@given(changes=generated(CONTRIBUTOR_FIELDS))
def test_the_contributor_form_takes_anything_without_a_server_error(desk, changes):
    ann, client = desk["ann"], desk["client"]
    url = reverse("admin:articles_contributor_change", args=[ann.pk])
    if answered(sent_back(client, url, changes)):
        event("saved")
        ann.refresh_from_db()
        assert client.get(url).status_code == 200
        assert Client().get(ann.get_absolute_url()).status_code == 200
        assert_article_pages_show(desk["story"], client)


PICTURE_FIELDS = ["alt_text", "caption", "photographer", "credit", "focal_x", "focal_y"]


@given(changes=generated(PICTURE_FIELDS))
def test_the_library_picture_form_takes_anything_without_a_server_error(desk, changes):
    story, client = desk["story"], desk["client"]
    url = reverse("admin:library_libraryimage_change", args=[story.lead_image_id])
    if answered(sent_back(client, url, changes)):
        event("saved")
        assert client.get(url).status_code == 200
        assert_article_pages_show(story, client)


ACTIONS = [f"{name}_selected" for name in Comment.DECISIONS] + ["ban_commenters"]


@given(
    action=st.one_of(st.sampled_from(ACTIONS), value),
    selected=st.lists(st.one_of(st.just("comment"), value), max_size=3),
    reason=sent,
)
def test_the_comment_queue_s_actions_take_anything_without_a_server_error(
    desk, action, selected, reason
):
    client = desk["client"]
    comment = Comment.objects.get()
    pks = [str(comment.pk) if pk == "comment" else pk for pk in selected]
    url = reverse("admin:comments_comment_changelist")
    values = {"action": [action], "_selected_action": pks, "reason": reason, "index": ["0"]}
    response = posted(client, url, values)
    assert response.status_code < 500
    event(f"answered {response.status_code}")
    comment.refresh_from_db()
    event(comment.status)
    assert client.get(url).status_code == 200
    assert client.get(reverse("admin:comments_comment_change", args=[comment.pk])).status_code
    assert_article_pages_show(desk["story"], client)
