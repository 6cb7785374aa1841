"""
Every step of an article's life in the admin, tried as every role on articles in every
state: what the role may do succeeds, everything else is refused and changes nothing.
"""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from tests.factories import form_values
from tests.roles import ROLES, admin_url, client_for, table, undone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_passwords")]

# What each role may do to an article, by the article's state. "own" is written and
# credited by the reporter; "translation" is a draft translation of the reporter's
# published story, which keeps the reporter's credit and so their right to edit it.
ARTICLE_STEPS = table("""
article      step                  reporter  translator  editor  moderator  superuser
own-draft    open                  yes       yes         yes     no         yes
own-draft    history               yes       yes         yes     no         yes
own-draft    compare               yes       yes         yes     no         yes
own-draft    preview               yes       yes         yes     no         yes
own-draft    edit                  yes       no          yes     no         yes
own-draft    submit                yes       no          yes     no         yes
own-draft    submit-bulk           yes       no          yes     no         yes
own-draft    publish               no        no          yes     no         yes
own-draft    publish-bulk          no        no          yes     no         yes
own-draft    revert                yes       no          yes     no         yes
own-draft    delete                no        no          yes     no         yes
own-draft    delete-bulk           no        no          yes     no         yes
others-draft edit                  no        no          yes     no         yes
others-draft submit                no        no          yes     no         yes
in-review    edit                  yes       no          yes     no         yes
in-review    return                no        no          yes     no         yes
in-review    publish               no        no          yes     no         yes
published    open                  yes       yes         yes     no         yes
published    edit                  no        no          yes     no         yes
published    correct               no        no          yes     no         yes
published    revert                no        no          yes     no         yes
published    withdraw              no        no          yes     no         yes
published    withdraw-bulk         no        no          yes     no         yes
published    delete                no        no          yes     no         yes
published    translate             no        yes         yes     no         yes
published    ninjs-embargoed       yes       yes         yes     no         yes
translation  edit                  yes       yes         yes     no         yes
translation  mark-up-to-date       no        yes         yes     no         yes
translation  publish               no        no          yes     no         yes
deleted      recover               no        no          yes     no         yes
""")


# Articles in every state (the articles fixture is in tests/conftest.py)


def change_form(people, article):
    """The article's form as someone allowed to edit it sees it."""
    return form_values(client_for(people["superuser"]).get(admin_url(article, "change")))


def changed(article, **fields):
    return Article.objects.filter(pk=article.pk, **fields).exists()


def transition(name):
    def step(client, article, people):
        url = reverse("admin:articles_article_transition", args=[article.pk, name])
        before = article.status
        client.post(url, {"note": "A note for the record"})
        article.refresh_from_db()
        return article.status != before and article.transitions.filter(to_status=article.status)

    return step


def bulk(action):
    def step(client, article, people):
        before = article.status
        client.post(
            reverse("admin:articles_article_changelist"),
            {"action": action, "_selected_action": [article.pk], "post": "yes"},
        )
        if not Article.objects.filter(pk=article.pk).exists():
            return True
        article.refresh_from_db()
        return article.status != before

    return step


def page_opens(view):
    def step(client, article, people):
        return client.get(admin_url(article, view)).status_code == 200

    return step


def compare(client, article, people):
    first, second = Version.objects.get_for_object(article)[:2]
    url = reverse("admin:articles_article_compare", args=[article.pk])
    response = client.get(url, {"version_id1": first.pk, "version_id2": second.pk})
    return response.status_code == 200


def preview(client, article, people):
    return client.get(reverse("articles:preview", args=[article.pk])).status_code == 200


def edit(client, article, people):
    client.post(
        admin_url(article, "change"), {**change_form(people, article), "headline": "Edited"}
    )
    return changed(article, headline="Edited")


def correct(client, article, people):
    data = {
        **change_form(people, article),
        "corrections-TOTAL_FORMS": "2",
        "corrections-1-published_at_0": "2026-01-02",
        "corrections-1-published_at_1": "10:00",
        "corrections-1-text": "The vote was on Tuesday.",
    }
    client.post(admin_url(article, "change"), data)
    return article.corrections.filter(text="The vote was on Tuesday.").exists()


def revert(client, article, people):
    """Restore the first revision, through reversion's own page."""
    oldest = Version.objects.get_for_object(article).last()
    url = reverse("admin:articles_article_revision", args=[article.pk, oldest.pk])
    page = client_for(people["superuser"]).get(url)
    client.post(url, form_values(page))
    return changed(article, headline=oldest.field_dict["headline"])


def delete(client, article, people):
    client.post(admin_url(article, "delete"), {"post": "yes"})
    return not Article.objects.filter(pk=article.pk).exists()


def translate(client, article, people):
    client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "create_translation",
            "_selected_action": [article.pk],
            "apply": "1",
            "language": "de",
        },
    )
    return article.translations.filter(language="de").exists()


def mark_up_to_date(client, article, people):
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "mark_up_to_date", "_selected_action": [article.pk]},
    )
    return changed(article, source_revision=article.translation_of.revision)


def ninjs_embargoed(client, article, people):
    return client.get(reverse("wire:ninjs", args=[article.slug])).status_code == 200


def recover(client, article, people):
    version = Version.objects.get_deleted(Article).get(object_id=str(article.pk))
    url = reverse("admin:articles_article_recover", args=[version.pk])
    page = client_for(people["superuser"]).get(url)
    client.post(url, form_values(page))
    return Article.objects.filter(pk=article.pk).exists()


STEPS = {
    "open": page_opens("change"),
    "history": page_opens("history"),
    "compare": compare,
    "preview": preview,
    "edit": edit,
    "correct": correct,
    "revert": revert,
    "delete": delete,
    "translate": translate,
    "mark-up-to-date": mark_up_to_date,
    "ninjs-embargoed": ninjs_embargoed,
    "recover": recover,
    "submit": transition("submit"),
    "publish": transition("publish"),
    "return": transition("return"),
    "withdraw": transition("withdraw"),
    "submit-bulk": bulk("submit_selected"),
    "publish-bulk": bulk("publish_selected"),
    "withdraw-bulk": bulk("withdraw_selected"),
    "delete-bulk": bulk("delete_selected"),
}


@pytest.mark.parametrize("role", ROLES)
def test_article_steps(role, people, articles):
    client = client_for(people[role])
    found = {}
    for state, step in ARTICLE_STEPS:
        with undone():
            article = Article.objects.filter(pk=articles[state].pk).first() or articles[state]
            found[state, step] = "yes" if STEPS[step](client, article, people) else "no"
    assert found == {key: rights[role] for key, rights in ARTICLE_STEPS.items()}


def test_restoring_a_revision_keeps_the_article_where_the_workflow_put_it(people, articles):
    published = articles["published"]
    assert revert(client_for(people["editor"]), published, people)
    published.refresh_from_db()
    assert published.status == "published" and published.is_embargoed
    assert published.transitions.count() == 1
