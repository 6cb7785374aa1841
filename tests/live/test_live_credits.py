"""
Who a live post may credit: contributors on the newsroom's list only, chosen rather than
typed; a reporter only themselves unless an editor lets reporters credit others on the
story; and the server refuses whatever the form does not offer, keeping what was typed.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Contributor, Role
from live.models import LiveCoverage, LivePost
from tests.factories import change_url, contributor


@pytest.fixture
def live(publish, editor, reporter):
    story = publish(headline="Storm reaches the coast", slug="storm-live", created_by=reporter)
    LiveCoverage.start(story, editor)
    return story


@pytest.fixture
def rita(reporter):
    return Contributor.objects.create(name="Rita Reporter", slug="rita", user=reporter)


def post(client, story, **fields):
    url = reverse("admin:articles_article_live", args=[story.pk, "post"])
    return client.post(url, {f"live-{name}": value for name, value in fields.items()})


def credited_names():
    return [credit.contributor.name for credit in LivePost.objects.get().credits.all()]


def test_a_reporter_is_offered_only_themselves_ticked(client, live, reporter, rita):
    contributor("Elena Editor")
    client.force_login(reporter)
    page = client.get(change_url(live)).content.decode()
    assert 'type="checkbox" name="live-reporters"' in page
    assert f'value="{rita.pk}"' in page and "checked" in page
    assert "Elena Editor" not in page
    assert "an editor can let reporters credit others" in page
    post(client, live, body="<p>Gusts.</p>", reporters=rita.pk, place="Bergen")
    assert LivePost.objects.get().credit_line == "(Reporting by Rita Reporter in Bergen)"


def test_a_reporter_crediting_someone_else_is_refused_and_keeps_the_text(
    client, live, reporter, rita
):
    elena = contributor("Elena Editor")
    client.force_login(reporter)
    response = post(client, live, title="Kept title", body="<p>Kept words.</p>", reporters=elena.pk)
    page = response.content.decode()
    assert response.status_code == 200 and not LivePost.objects.exists()
    assert "On this story you may credit only yourself" in page
    assert "Kept title" in page and "&lt;p&gt;Kept words.&lt;/p&gt;" in page


def test_a_new_name_is_refused_for_everyone_and_makes_no_contributor(client, live, editor):
    client.force_login(editor)
    response = post(client, live, body="<p>Kept words.</p>", reporters="Invented Person")
    page = response.content.decode()
    assert "Choose who reported from the list of contributors" in page
    assert "Kept words." in page
    assert not LivePost.objects.exists()
    assert not Contributor.objects.filter(name="Invented Person").exists()


def test_editors_choose_any_contributors_in_the_order_chosen(client, live, editor):
    ann, bo = contributor("Ann Lee"), contributor("Bo Ek")
    client.force_login(editor)
    page = client.get(change_url(live)).content.decode()
    assert "admin-autocomplete" in page and 'name="live-reporters"' in page
    post(client, live, body="<p>Gusts.</p>", reporters=[bo.pk, ann.pk], place="Oslo")
    assert credited_names() == ["Bo Ek", "Ann Lee"]


def test_an_editor_lets_reporters_credit_others(client, live, editor, reporter, rita):
    elena = contributor("Elena Editor")
    client.force_login(editor)
    url = reverse("admin:articles_article_live", args=[live.pk, "credit-others"])
    assert "Let reporters credit others" in client.get(change_url(live)).content.decode()
    client.post(url)
    live.live_coverage.refresh_from_db()
    assert live.live_coverage.others_may_be_credited
    client.force_login(reporter)
    assert "admin-autocomplete" in client.get(change_url(live)).content.decode()
    post(client, live, body="<p>Gusts.</p>", reporters=[rita.pk, elena.pk])
    assert credited_names() == ["Rita Reporter", "Elena Editor"]


def test_a_reporter_cannot_let_others_be_credited(client, live, reporter):
    client.force_login(reporter)
    client.post(reverse("admin:articles_article_live", args=[live.pk, "credit-others"]))
    live.live_coverage.refresh_from_db()
    assert not live.live_coverage.others_may_be_credited


def test_the_model_refuses_what_the_form_would(live, reporter, rita):
    coverage = live.live_coverage
    elena = contributor("Elena Editor")
    with pytest.raises(ValidationError, match="credit only yourself"):
        coverage.add_post(reporter, "<p>Gusts.</p>", credits=[(Role.REPORTING, elena, "")])
    with pytest.raises(ValidationError, match="list of contributors"):
        coverage.add_post(
            reporter, "<p>Gusts.</p>", credits=[(Role.REPORTING, Contributor(name="New"), "")]
        )
    coverage.add_post(reporter, "<p>Gusts.</p>", credits=[(Role.REPORTING, rita, "")])
    assert credited_names() == ["Rita Reporter"]


def test_the_autocomplete_finds_contributors_for_the_post_form(client, live, editor):
    contributor("Elena Editor")
    client.force_login(editor)
    answer = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "live",
            "model_name": "livepostcredit",
            "field_name": "contributor",
            "term": "elen",
        },
    ).json()
    assert [result["text"] for result in answer["results"]] == ["Elena Editor"]
