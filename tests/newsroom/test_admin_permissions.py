"""
Every admin page and action, tried as every role: what the role may do succeeds,
everything else is refused and changes nothing.

The tables below are the newsroom's rules. Reporters write and submit but never
publish; translators translate; editors publish, correct and withdraw; moderators
look after comments and see nothing of the article tools; readers who are not
signed in get the login page.

Here: every model's pages, the bulk actions of every list and the pages of their own.
The tables of article steps, comment steps, takedowns and live coverage are with the
tests of their apps; tests/roles.py reads the tables.
"""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Article
from comments.models import Comment
from tests.factories import form_values
from tests.roles import ROLES, admin_url, client_for, table, undone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_passwords")]

# v: list, open read-only and see the history; a: add; c: save a change; d: delete.
# For articles this is about someone else's draft; tests/articles/test_article_permissions.py
# has the rest.
MODEL_RIGHTS = table("""
model                     reporter  translator  editor  moderator  superuser
auth.group                -         -           -       -          vacd
auth.user                 -         -           v       -          vacd
axes.accessattempt        -         -           -       -          vcd
axes.accesslog            -         -           -       -          vcd
axes.accessfailurelog     -         -           -       -          vcd
articles.section          v         v           vac     -          vacd
articles.contributor      va        va          vac     -          vacd
articles.creditstyle      v         v           vacd    -          vacd
articles.place            v         v           vacd    -          vacd
articles.topic            v         v           vacd    -          vacd
articles.frontpageslot    -         -           vacd    -          vacd
articles.breakingnews     -         -           vacd    -          vacd
articles.article          va        va          vacd    -          vacd
library.libraryimage     vac       vac         vacd    -          vacd
comments.comment          -         -           v       v          vc
comments.moderationlog    -         -           v       v          v
comments.bannedword       -         -           vacd    vacd       vacd
comments.bannedcommenter  -         -           vacd    vacd       vacd
comments.confirmation     -         -           v       v          v
desk.notice               -         -           -       -          v
jobs.outgoingmail         -         -           -       -          vcd
wire.inboxfile            -         -           v       -          vd
wire.wirestory            -         -           v       -          vd
wire.heldversion          -         -           v       -          vd
jobs.failedtask           -         -           -       -          vcd
django_celery_beat.periodictask     -  -  -  -  vacd
django_celery_beat.intervalschedule -  -  -  -  vacd
django_celery_beat.crontabschedule  -  -  -  -  vacd
django_celery_beat.solarschedule    -  -  -  -  vacd
django_celery_beat.clockedschedule  -  -  -  -  vacd
""")

# The bulk actions each role is offered on each list.
ACTIONS = table("""
action                                        reporter  translator  editor  moderator  superuser
auth.group.delete_selected                    no        no          no      no         yes
auth.user.delete_selected                     no        no          no      no         yes
axes.accessattempt.delete_selected            no        no          no      no         yes
axes.accessattempt.cleanup_expired_attempts   no        no          no      no         yes
axes.accesslog.delete_selected                no        no          no      no         yes
axes.accessfailurelog.delete_selected         no        no          no      no         yes
articles.section.delete_selected              no        no          no      no         yes
articles.contributor.delete_selected          no        no          no      no         yes
articles.creditstyle.delete_selected          no        no          yes     no         yes
articles.place.delete_selected                no        no          yes     no         yes
articles.topic.delete_selected                no        no          yes     no         yes
articles.frontpageslot.delete_selected        no        no          yes     no         yes
articles.breakingnews.delete_selected         no        no          yes     no         yes
articles.article.submit_selected              yes       yes         yes     no         yes
articles.article.publish_selected             no        no          yes     no         yes
articles.article.withdraw_selected            no        no          yes     no         yes
articles.article.create_translation           no        yes         yes     no         yes
articles.article.mark_up_to_date              no        yes         yes     no         yes
articles.article.delete_selected              no        no          yes     no         yes
library.libraryimage.delete_selected         no        no          yes     no         yes
comments.comment.approve_selected             no        no          yes     yes        yes
comments.comment.reject_selected              no        no          yes     yes        yes
comments.comment.mark_spam_selected           no        no          yes     yes        yes
comments.comment.remove_selected              no        no          yes     yes        yes
comments.comment.ban_commenters               no        no          yes     yes        yes
comments.comment.delete_selected              no        no          no      no         no
comments.bannedword.delete_selected           no        no          yes     yes        yes
comments.bannedcommenter.delete_selected      no        no          yes     yes        yes
desk.notice.mark_read                         yes       yes         yes     yes        yes
desk.notice.delete_selected                   no        no          no      no         no
wire.inboxfile.delete_selected                no        no          no      no         yes
wire.wirestory.delete_selected                no        no          no      no         yes
wire.heldversion.delete_selected              no        no          no      no         yes
wire.wireagency.delete_selected               no        no          no      no         yes
jobs.outgoingmail.send_again                  no        no          no      no         yes
jobs.outgoingmail.delete_selected             no        no          no      no         yes
jobs.failedtask.run_again                     no        no          no      no         yes
jobs.failedtask.delete_selected               no        no          no      no         yes
django_celery_beat.periodictask.enable_tasks     no  no  no  no  yes
django_celery_beat.periodictask.disable_tasks    no  no  no  no  yes
django_celery_beat.periodictask.toggle_tasks     no  no  no  no  yes
django_celery_beat.periodictask.run_tasks        no  no  no  no  yes
django_celery_beat.periodictask.delete_selected  no  no  no  no  yes
django_celery_beat.intervalschedule.delete_selected  no  no  no  no  yes
django_celery_beat.crontabschedule.delete_selected   no  no  no  no  yes
django_celery_beat.solarschedule.delete_selected     no  no  no  no  yes
django_celery_beat.clockedschedule.delete_selected   no  no  no  no  yes
""")

# Pages of their own.
PAGES = table("""
page                  reporter  translator  editor  moderator  superuser
admin-index           yes       yes         yes     yes        yes
desk-settings         yes       yes         yes     yes        yes
notices               yes       yes         yes     yes        yes
wire-import           no        no          yes     no         yes
article-recover-list  no        no          yes     no         yes
article-autocomplete  yes       yes         yes     no         yes
credit-line-preview   yes       yes         yes     no         yes
user-password         no        no          no      no         yes
""")


# Anonymous readers


def every_admin_url(objects, articles):
    for obj in objects.values():
        for view in ("changelist", "add", "change", "delete", "history"):
            yield admin_url(obj, view)
    article = articles["own-draft"]
    for name in ("submit", "publish", "return", "withdraw"):
        yield reverse("admin:articles_article_transition", args=[article.pk, name])
    yield reverse("admin:articles_article_compare", args=[article.pk])
    yield reverse("admin:articles_article_recoverlist")
    yield reverse("admin:comments_comment_decide", args=[objects["comments.comment"].pk])
    yield reverse("admin:index")
    yield reverse("wire:import")
    yield reverse("articles:preview", args=[article.pk])
    yield reverse("admin:articles_article_credit_line")
    yield reverse("desk:settings")
    yield reverse("desk:mark-all-read")
    yield reverse("desk:open-notice", args=[objects["desk.notice"].pk])


def test_anonymous_readers_get_the_login_page_everywhere(client, model_objects, articles):
    statuses = list(Article.objects.order_by("pk").values_list("status", flat=True))
    for url in every_admin_url(model_objects, articles):
        for response in (client.get(url), client.post(url, {"post": "yes", "decision": "approve"})):
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("admin:login")), url
    assert list(Article.objects.order_by("pk").values_list("status", flat=True)) == statuses
    assert Comment.objects.get().status == "pending"


# Every model's pages


def model_rights_in_practice(client, obj, superuser):
    """The letters of MODEL_RIGHTS this client turns out to have on obj."""

    def opens(view):
        return client.get(admin_url(obj, view)).status_code == 200

    rights = ""
    if all(opens(view) for view in ("changelist", "change", "history")):
        rights += "v"
    if opens("add"):
        rights += "a"
    form = form_values(client_for(superuser).get(admin_url(obj, "change")))
    if client.post(admin_url(obj, "change"), form).status_code == 302:
        rights += "c"
    opened = opens("delete")
    response = client.post(admin_url(obj, "delete"), {"post": "yes"})
    gone = not type(obj).objects.filter(pk=obj.pk).exists()
    if opened and gone and response.status_code == 302:
        rights += "d"
    return rights or "-"


@pytest.mark.parametrize("role", ROLES)
def test_model_pages(role, people, model_objects):
    client = client_for(people[role])
    found = {}
    for model in MODEL_RIGHTS:
        with undone():
            found[model] = model_rights_in_practice(
                client, model_objects[model], people["superuser"]
            )
    assert found == {model: rights[role] for model, rights in MODEL_RIGHTS.items()}


@pytest.mark.parametrize("role", ROLES)
def test_bulk_actions_offered(role, people):
    request = RequestFactory().get("/admin/")
    request.user = people[role]
    for model, model_admin in admin.site._registry.items():
        # A list the role cannot open offers nothing.
        visible = model_admin.has_view_or_change_permission(request)
        offered = set(model_admin.get_actions(request)) if visible else set()
        expected = {
            name.rsplit(".", 1)[1]
            for name, rights in ACTIONS.items()
            if name.startswith(f"{model._meta.label_lower}.") and rights[role] == "yes"
        }
        assert offered == expected, model._meta.label_lower


# Pages of their own


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_pages(page, role, people, articles):
    urls = {
        "admin-index": reverse("admin:index"),
        "wire-import": reverse("wire:import"),
        "article-recover-list": reverse("admin:articles_article_recoverlist"),
        "article-autocomplete": reverse("admin:autocomplete")
        + "?app_label=articles&model_name=article&field_name=translation_of&term=Pub",
        "user-password": reverse("admin:auth_user_password_change", args=[people["reporter"].pk]),
        "desk-settings": reverse("desk:settings"),
        "notices": reverse("admin:desk_notice_changelist"),
        "credit-line-preview": reverse("admin:articles_article_credit_line") + "?role=reporting",
    }
    response = client_for(people[role]).get(urls[page])
    assert response.status_code == (200 if PAGES[page][role] == "yes" else 403)
