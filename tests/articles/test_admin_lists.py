"""The article list: a badge per state, credits with their roles, and each role's own filters."""

import pytest
from django.urls import reverse

from articles.models import ReaderState
from tests.factories import article_in_state, contributor, run_action

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def listed(client, **query):
    return list(client.get(CHANGELIST, query).context["cl"].result_list)


def filter_titles(client):
    return [spec.title for spec in client.get(CHANGELIST).context["cl"].filter_specs]


def test_each_state_has_its_badge_and_its_filter(client, editor):
    made = {state: article_in_state(state, headline=f"The {state} story") for state in ReaderState}
    client.force_login(editor)
    page = client.get(CHANGELIST).content.decode()
    for state in ReaderState:
        assert f'<span class="state-badge state-{state.value}">{state.label}</span>' in page
        assert listed(client, state=state.value) == [made[state]]


def test_an_out_of_date_translation_says_so(client, editor, translator, make_article):
    original = make_article(headline="Original")
    original.publish(editor)
    translation = original.create_translation(editor, "fr")
    original.add_correction(editor, "A date was wrong.")
    client.force_login(editor)
    row = client.get(CHANGELIST, {"translation": "out_of_date"}).content.decode()
    assert '<span class="state-badge state-out-of-date">Out of date</span>' in row
    assert listed(client, translation="out_of_date") == [translation]


def test_credits_are_listed_with_their_roles(client, editor, make_article):
    make_article(
        credits=[
            ("reporting", "Guy Faulconbridge", "Moscow", ""),
            ("reporting", "Gwladys Fouche", "Oslo", ""),
            ("editing", "Blandine Hénault", "", ""),
        ]
    )
    client.force_login(editor)
    page = client.get(CHANGELIST).content.decode()
    assert (
        '<span class="credit-group"><span class="credit-role">Reporting</span> '
        "Guy Faulconbridge, Gwladys Fouche</span>"
        '<span class="credit-group"><span class="credit-role">Editing</span> '
        "Blandine Hénault</span>"
    ) in page


def test_mine_is_what_i_wrote_or_am_credited_on(client, reporter, make_article):
    rita = contributor("Rita Reporter")
    rita.user = reporter
    rita.save()
    written = make_article(headline="Written", created_by=reporter)
    credited = make_article(headline="Credited", credits=[("reporting", "Rita Reporter", "", "")])
    make_article(headline="Someone else's")
    client.force_login(reporter)
    assert set(listed(client, mine="1")) == {written, credited}
    assert len(listed(client)) == 3


def test_reporters_and_translators_see_mine_first_editors_last(
    client, reporter, translator, editor
):
    for user in (reporter, translator):
        client.force_login(user)
        assert filter_titles(client)[0] == "author"
    client.force_login(editor)
    assert filter_titles(client)[0] == "status" and filter_titles(client)[-1] == "author"


def test_reporters_are_not_offered_what_they_may_not_do(client, reporter, editor, make_article):
    draft = make_article(created_by=reporter)
    client.force_login(reporter)
    page = client.get(CHANGELIST).content.decode()
    assert "Recover deleted articles" not in page
    offered = [
        name for name, _ in client.get(CHANGELIST).context["action_form"].fields["action"].choices
    ]
    assert offered == ["", "submit_selected"]
    change = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert "deletelink" not in change
    client.force_login(editor)
    assert "Recover deleted articles" in client.get(CHANGELIST).content.decode()
    assert run_action(client, "publish_selected", [draft]).status_code == 200
