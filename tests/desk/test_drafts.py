"""
Autosave: what someone types into a story's page is kept as their private draft (never the
story, never a version), offered back when they open the story again, restored into the
form as typed, and done with once the page saves the story.
"""

import uuid
from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from desk.models import Draft
from tests.factories import change_url, contributor, form_values

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")
OFFER = "Restore your unsaved changes from"


@pytest.fixture
def story(make_article, editor):
    return make_article(headline="Harbour reopens", slug="harbour", created_by=editor)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def autosave(client, url, page, article=None, **changes):
    """What the open page at ``url`` sends every few seconds, with these changes typed."""
    data = {**form_values(client.get(url)), **changes}
    data.update(_autosave_page=str(page), _autosave_article=article.pk if article else "")
    return client.post(reverse("desk:autosave"), data)


def test_typed_changes_are_kept_for_their_author_alone(client, story, editor, make_user):
    client.force_login(editor)
    versions = Version.objects.get_for_object(story).count()
    answer = autosave(client, change_url(story), uuid.uuid4(), story, headline="Harbour\x00 shut")
    assert answer.status_code == 200 and answer.json()["kept"]
    assert "Unsaved changes kept for you at" in answer.json()["message"]
    story.refresh_from_db()
    assert story.headline == "Harbour reopens"
    assert Version.objects.get_for_object(story).count() == versions
    assert Draft.objects.get().headline == "Harbour shut"
    assert OFFER in client.get(change_url(story)).content.decode()
    other_editor = client_for(make_user("other", "Editors"))
    assert OFFER not in other_editor.get(change_url(story)).content.decode()


def test_opening_the_story_again_offers_them_at_their_local_time(client, story, editor, settings):
    settings.TIME_ZONE = "Europe/Oslo"
    client.force_login(editor)
    autosave(client, change_url(story), uuid.uuid4(), story, headline="Harbour shut")
    with timezone.override("Europe/Oslo"):
        at = timezone.make_aware(datetime.combine(timezone.localdate(), datetime.min.time()))
    Draft.objects.update(saved_at=at.replace(hour=10, minute=42))
    page = client.get(change_url(story)).content.decode()
    assert "Restore your unsaved changes from 10:42?" in page
    assert "Discard them" in page


def test_restoring_fills_in_the_form_and_credits_and_saves_nothing(client, story, editor):
    client.force_login(editor)
    bo = contributor("Bo Ek")
    page = uuid.uuid4()
    autosave(
        client,
        change_url(story),
        page,
        story,
        headline="Harbour shut",
        body="<p>Boats stay in.</p>",
        **{"credits-TOTAL_FORMS": "1", "credits-0-role": "reporting"},
        **{"credits-0-contributor": bo.pk, "credits-0-position": "0"},
    )
    restored = client.get(f"{change_url(story)}?restore={page}")
    html = restored.content.decode()
    assert 'value="Harbour shut"' in html and "&lt;p&gt;Boats stay in.&lt;/p&gt;" in html
    assert f'<option value="{bo.pk}" selected>Bo Ek</option>' in html
    assert "are back in the form. Nothing is saved until you save." in html
    assert "Please correct" not in html and OFFER not in html
    assert f'data-page="{page}"' in html and "data-restored" in html
    story.refresh_from_db()
    assert story.headline == "Harbour reopens" and not story.credits.exists()
    # Saved from that page: the story takes the draft, which is done with.
    data = {**form_values(restored), "_autosave_page": str(page), "_save": "Save"}
    assert client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    assert story.headline == "Harbour shut" and story.credits.get().contributor == bo
    assert OFFER not in client.get(change_url(story)).content.decode()


def test_an_autosave_arriving_after_the_save_keeps_nothing(client, story, editor):
    client.force_login(editor)
    page = uuid.uuid4()
    data = {**form_values(client.get(change_url(story))), "_autosave_page": str(page)}
    client.post(change_url(story), {**data, "headline": "Harbour shut"})
    late = autosave(client, change_url(story), page, story, headline="Harbour shut")
    assert late.json()["kept"] is False
    assert OFFER not in client.get(change_url(story)).content.decode()


def test_a_new_story_is_kept_and_offered_on_the_new_article_page(client, editor, section):
    client.force_login(editor)
    page = uuid.uuid4()
    autosave(client, ADD, page, headline="Storm on the way", slug="storm", section=section.pk)
    offer = client.get(ADD).content.decode()
    assert OFFER in offer and f"?restore={page}" in offer
    restored = client.get(f"{ADD}?restore={page}")
    assert 'value="Storm on the way"' in restored.content.decode()
    assert not Article.objects.exists()
    data = {**form_values(restored), "_autosave_page": str(page), "_save": "Save"}
    assert client.post(ADD, data).status_code == 302
    story = Article.objects.get(slug="storm")
    assert Draft.objects.get().article == story and OFFER not in client.get(ADD).content.decode()


def test_a_stale_save_keeps_the_typed_text_for_the_next_opening(client, story, editor, make_user):
    client.force_login(editor)
    page = uuid.uuid4()
    opened = {**form_values(client.get(change_url(story))), "_autosave_page": str(page)}
    other = client_for(make_user("other", "Editors"))
    other.post(change_url(story), {**form_values(other.get(change_url(story))), "notes": "Mine."})
    typed = {**opened, "headline": "My careful rewrite"}
    refused = client.post(change_url(story), typed)
    assert "Someone else saved this article" in refused.content.decode()
    assert f'data-page="{page}"' in refused.content.decode()  # the refused page keeps its draft
    typed.update(_autosave_article=story.pk)
    assert client.post(reverse("desk:autosave"), typed).json()["kept"]
    again = client.get(change_url(story)).content.decode()
    assert OFFER in again and "The story has been saved since you made them" in again
    restored = client.get(f"{change_url(story)}?restore={page}")
    data = {**form_values(restored), "_autosave_page": str(page)}
    assert client.post(change_url(story), data).status_code == 302  # not refused as stale
    story.refresh_from_db()
    # Every field as the draft had it, as the offer said; the other's save is a version.
    assert story.headline == "My careful rewrite" and story.notes == ""
    assert any(v.field_dict["notes"] == "Mine." for v in Version.objects.get_for_object(story))


def test_undone_changes_and_discarded_drafts_are_forgotten(client, story, editor, make_user):
    client.force_login(editor)
    page = uuid.uuid4()
    autosave(client, change_url(story), page, story, headline="Harbour shut")
    forget = {"_autosave_page": str(page), "_autosave_article": story.pk}
    client.post(reverse("desk:autosave"), {**forget, "_autosave_unchanged": "1"})
    assert not Draft.objects.exists()
    autosave(client, change_url(story), page, story, headline="Harbour shut")
    discard = reverse("desk:discard-draft", args=[page])
    assert client_for(make_user("other", "Editors")).post(discard).status_code == 404
    assert client.post(discard).url == change_url(story)
    assert OFFER not in client.get(change_url(story)).content.decode()


def test_nothing_is_kept_of_a_story_one_may_not_edit(client, story, editor, reporter, make_article):
    client.force_login(reporter)
    page = uuid.uuid4()
    data = {"_autosave_page": str(page), "_autosave_article": story.pk, "headline": "Mine now"}
    refused = client.post(reverse("desk:autosave"), data)
    assert refused.status_code == 403 and "may not edit" in refused.json()["error"]
    assert not Draft.objects.exists()
    own = make_article(headline="Out already", slug="out", created_by=reporter)
    autosave(client, change_url(own), page, own, headline="Out soon")
    own.publish(editor)  # read-only to its reporter from now on
    restored = client.get(f"{change_url(own)}?restore={page}").content.decode()
    assert 'id="autosave"' not in restored and 'value="Out soon"' not in restored
    assert "You may not edit this story now: your changes cannot go back in." in restored


def test_a_page_keeps_only_its_own_persons_draft(client, story, editor, make_user):
    client.force_login(editor)
    page = uuid.uuid4()
    autosave(client, change_url(story), page, story, headline="Harbour shut")
    other = client_for(make_user("other", "Editors"))
    assert autosave(other, change_url(story), page, story, headline="Taken").json()["kept"] is False
    assert Draft.objects.get().headline == "Harbour shut"
    assert other.get(f"{change_url(story)}?restore={page}").status_code == 200
    assert "Harbour shut" not in other.get(f"{change_url(story)}?restore={page}").content.decode()


def test_bad_autosaves_get_a_clear_answer(client, story, editor):
    client.force_login(editor)
    url = reverse("desk:autosave")
    assert client.post(url, {"_autosave_page": "not-a-page"}).status_code == 400
    page = str(uuid.uuid4())
    assert client.post(url, {"_autosave_page": page, "_autosave_article": "x"}).status_code == 400
    assert client.post(url, {"_autosave_page": page, "_autosave_article": 999}).status_code == 404
    assert client.get(url).status_code == 405


def test_the_desk_lists_ones_unsaved_changes_to_restore(client, story, editor, make_user):
    client.force_login(editor)
    page, new = uuid.uuid4(), uuid.uuid4()
    autosave(client, change_url(story), page, story, headline="Harbour shut")
    autosave(client, ADD, new, headline="")
    desk = client.get(reverse("admin:index")).content.decode()
    assert "Unsaved changes" in desk
    assert f'href="{change_url(story)}?restore={page}">Harbour shut</a>' in desk
    assert f'href="{ADD}?restore={new}">Untitled</a>' in desk
    other_desk = client_for(make_user("other", "Editors")).get(reverse("admin:index"))
    assert "Unsaved changes" not in other_desk.content.decode()
