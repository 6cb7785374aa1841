"""
Every admin page and action, tried as every role: what the role may do succeeds,
everything else is refused and changes nothing.

The tables below are the newsroom's rules. Reporters write and submit but never
publish; translators translate; editors publish, correct and withdraw; moderators
look after comments and see nothing of the article tools; readers who are not
signed in get the login page.
"""

from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace

import pytest
import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core import signing
from django.db import transaction
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import (
    ClockedSchedule,
    CrontabSchedule,
    IntervalSchedule,
    PeriodicTask,
    SolarSchedule,
)
from reversion.models import Version

from articles.models import (
    Article,
    BreakingNews,
    Contributor,
    CreditStyle,
    FrontPageSlot,
    Place,
    Section,
    Topic,
)
from comments.models import (
    BannedCommenter,
    BannedWord,
    Comment,
    Confirmation,
    ModerationLog,
    email_digest,
)
from comments.models.confirmations import TOKEN_SALT as confirmation_token_salt
from desk.models import Notice
from jobs.models import FailedTask, OutgoingMail
from tests.factories import contributor, form_values, library_picture
from wire.models import InboxFile

pytestmark = pytest.mark.django_db

ROLES = ["reporter", "translator", "editor", "moderator", "superuser"]


def table(text):
    """Rows of `key... cell-per-role` as {key: {role: cell}}; the first line names the columns."""
    header, *rows = (line.split() for line in text.strip().splitlines())
    keys = len(header) - len(ROLES)
    assert header[keys:] == ROLES
    return {
        tuple(row[:keys]) if keys > 1 else row[0]: dict(zip(ROLES, row[keys:], strict=True))
        for row in rows
    }


# v: list, open read-only and see the history; a: add; c: save a change; d: delete.
# For articles this is about someone else's draft; the article table below has the rest.
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
articles.libraryimage     vac       vac         vacd    -          vacd
comments.comment          -         -           v       v          vc
comments.moderationlog    -         -           v       v          v
comments.bannedword       -         -           vacd    vacd       vacd
comments.bannedcommenter  -         -           vacd    vacd       vacd
comments.confirmation     -         -           v       v          v
desk.notice               -         -           -       -          v
jobs.outgoingmail         -         -           -       -          vcd
wire.inboxfile            -         -           v       -          vd
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
articles.libraryimage.delete_selected         no        no          yes     no         yes
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

# Comments change status by decisions, which the moderation log keeps; nobody deletes
# one in the admin, as that would delete its log too.
COMMENT_STEPS = table("""
step            reporter  translator  editor  moderator  superuser
open            no        no          yes     yes        yes
decide          no        no          yes     yes        yes
approve-bulk    no        no          yes     yes        yes
reject-bulk     no        no          yes     yes        yes
spam-bulk       no        no          yes     yes        yes
remove-bulk     no        no          yes     yes        yes
ban-bulk        no        no          yes     yes        yes
delete          no        no          no      no         no
""")

# A mailed confirmation link: the link is the credential, whoever holds it, signed in
# or not; a forged, bent or expired one confirms nothing for anyone.
CONFIRMATION_LINKS = table("""
link      reporter  translator  editor  moderator  superuser
valid     yes       yes         yes     yes        yes
forged    no        no          no      no         no
bent      no        no          no      no         no
expired   no        no          no      no         no
""")

# Pages of their own.
PAGES = table("""
page                  reporter  translator  editor  moderator  superuser
admin-index           yes       yes         yes     yes        yes
desk-settings         yes       yes         yes     yes        yes
notices               yes       yes         yes     yes        yes
wire-import           yes       yes         yes     no         yes
article-recover-list  no        no          yes     no         yes
article-autocomplete  yes       yes         yes     no         yes
credit-line-preview   yes       yes         yes     no         yes
user-password         no        no          no      no         yes
""")

# Public surfaces of withdrawn and renamed stories, asked by each role on the public site:
# a kill notice and an old address answer everyone alike; a story readers never saw is
# "not found" whoever asks (only the preview, a staff tool, shows it to the newsroom).
TAKEDOWNS = table("""
surface              reporter  translator  editor  moderator  superuser
gone-page            410       410         410     410        410
gone-ninjs           200       200         200     200        200
never-seen-page      404       404         404     404        404
never-seen-ninjs     404       404         404     404        404
never-seen-old-slug  404       404         404     404        404
old-slug             301       301         301     301        301
old-slug-ninjs       301       301         301     301        301
gone-preview         200       200         200     403        200
""")


# People and things


@pytest.fixture(autouse=True)
def quick_passwords(settings):
    # Hashing six passwords the production way costs seconds per test here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people(make_user):
    users = {
        role: make_user(role, group)
        for role, group in [
            ("reporter", "Reporters"),
            ("translator", "Translators"),
            ("editor", "Editors"),
            ("moderator", "Moderators"),
        ]
    }
    users["superuser"] = User.objects.create_superuser("boss", "boss@example.com", "pw")
    return users


class _Undo(Exception):
    pass


@contextmanager
def undone():
    """Whatever happens inside is rolled back: each try starts from the same newsroom."""
    try:
        with transaction.atomic():
            yield
            raise _Undo
    except _Undo:
        pass


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def saved_twice(article, by):
    """Two revisions, as the admin keeps them, so there is something to compare."""
    for headline in (f"{article.headline} (first)", article.headline):
        with reversion.create_revision():
            article.headline = headline
            article.save()
            reversion.set_user(by)
    return article


@pytest.fixture
def model_objects(people, make_article, publish):
    article = make_article(headline="Somebody's draft", created_by=people["superuser"])
    published = publish(headline="Live", slug="live", hours_ago=0)
    comment = Comment.objects.create(
        article=published, name="Reader", email="reader@example.org", text="Hello."
    )
    hourly = IntervalSchedule.objects.create(every=1, period=IntervalSchedule.HOURS)
    attempt = {"user_agent": "x", "ip_address": "10.0.0.1", "username": "x", "http_accept": "*"}
    return {
        "auth.group": Group.objects.create(name="Interns"),
        "auth.user": User.objects.create_user("someone", "someone@example.com", "pw"),
        "axes.accessattempt": AccessAttempt.objects.create(
            **attempt, path_info="/", get_data="", post_data="", failures_since_start=1
        ),
        "axes.accesslog": AccessLog.objects.create(**attempt, path_info="/"),
        "axes.accessfailurelog": AccessFailureLog.objects.create(**attempt, path_info="/"),
        "articles.section": Section.objects.create(name="Sport", slug="sport"),
        "articles.contributor": Contributor.objects.create(name="Pat Stringer", slug="pat"),
        "articles.creditstyle": CreditStyle.objects.create(name="Hausstil", language="de"),
        "articles.place": Place.objects.create(name="Gothenburg", names={"fr": "Göteborg"}),
        "articles.topic": Topic.objects.create(name="Elections", slug="elections"),
        "articles.frontpageslot": FrontPageSlot.objects.create(
            article=article, position=1, until=timezone.now() + timedelta(hours=1)
        ),
        "articles.breakingnews": BreakingNews.objects.create(
            text="Polls close", article=article, until=timezone.now() + timedelta(hours=1)
        ),
        "articles.article": article,
        "articles.libraryimage": library_picture(caption="Harbour at dawn"),
        "comments.comment": comment,
        "comments.moderationlog": ModerationLog.objects.create(
            comment=comment, to_status="pending"
        ),
        "comments.bannedword": BannedWord.objects.create(word="casino"),
        "comments.bannedcommenter": BannedCommenter.objects.create(email="bot@example.org"),
        "comments.confirmation": Confirmation.objects.create(
            email="reader@example.org", comment=comment
        ),
        # Someone's own notice: the superuser's, here.
        "desk.notice": Notice.objects.create(
            user=people["superuser"], kind="published", title="Your story is out."
        ),
        "jobs.outgoingmail": OutgoingMail.objects.create(
            subject="Hello", body="Hello.", from_email="newsroom@localhost", to=["a@example.org"]
        ),
        "wire.inboxfile": InboxFile.objects.create(
            name="a.txt", sha256="0" * 64, outcome="refused", kept_as="failed/a.txt"
        ),
        "jobs.failedtask": FailedTask.objects.create(task="jobs.tasks.drain_outbox", error="x"),
        "django_celery_beat.periodictask": PeriodicTask.objects.create(
            name="Every hour", task="jobs.tasks.drain_outbox", interval=hourly
        ),
        "django_celery_beat.intervalschedule": hourly,
        "django_celery_beat.crontabschedule": CrontabSchedule.objects.create(minute="5"),
        "django_celery_beat.solarschedule": SolarSchedule.objects.create(
            event="sunrise", latitude=59.9, longitude=10.7
        ),
        "django_celery_beat.clockedschedule": ClockedSchedule.objects.create(
            clocked_time=timezone.now()
        ),
    }


def admin_url(obj, view):
    opts = obj._meta
    args = [] if view in {"changelist", "add"} else [obj.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


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


# Articles in every state


@pytest.fixture
def articles(people, make_article):
    reporter, editor = people["reporter"], people["editor"]
    credits = [("reporting", "Rita Reporter", "Oslo", "")]
    rita = contributor("Rita Reporter")
    rita.user = reporter
    rita.save()

    own = saved_twice(
        make_article(headline="Own draft", created_by=reporter, credits=credits), editor
    )
    others = make_article(headline="Another reporter's draft", created_by=editor)
    review = make_article(headline="In review", created_by=reporter, credits=credits)
    review.submit(reporter)
    published = saved_twice(
        make_article(headline="Published", created_by=reporter, credits=credits), editor
    )
    published.publish(editor)
    published.embargo_until = timezone.now() + timezone.timedelta(hours=3)
    published.save()
    translation = published.create_translation(editor, "fr")
    published.corrected(published.add_correction(editor, "Fixed a date."))
    deleted = saved_twice(make_article(headline="Deleted story", created_by=reporter), editor)
    Article.objects.filter(pk=deleted.pk).delete()
    return {
        "own-draft": own,
        "others-draft": others,
        "in-review": review,
        "published": published,
        "translation": translation,
        "deleted": deleted,
    }


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


# Comments


def comment_step(step, client, comment):
    changelist = reverse("admin:comments_comment_changelist")
    actions = {
        "approve-bulk": ("approve_selected", "approved"),
        "reject-bulk": ("reject_selected", "rejected"),
        "spam-bulk": ("mark_spam_selected", "spam"),
        "remove-bulk": ("remove_selected", "removed"),
        "ban-bulk": ("ban_commenters", "spam"),
    }
    if step == "open":
        return client.get(admin_url(comment, "change")).status_code == 200
    if step == "decide":
        url = reverse("admin:comments_comment_decide", args=[comment.pk])
        client.post(url, {"decision": "approve", "reason": "Fine"})
        return Comment.objects.filter(pk=comment.pk, status="approved").exists()
    if step == "delete":
        client.post(admin_url(comment, "delete"), {"post": "yes"})
        return not Comment.objects.filter(pk=comment.pk).exists()
    action, status = actions[step]
    client.post(changelist, {"action": action, "_selected_action": [comment.pk], "reason": "r"})
    done = Comment.objects.filter(pk=comment.pk, status=status).exists()
    if step == "ban-bulk":
        assert done == BannedCommenter.objects.filter(email=comment.email).exists()
    return done


@pytest.mark.parametrize("role", ROLES)
def test_comment_steps(role, people, model_objects):
    client = client_for(people[role])
    comment = model_objects["comments.comment"]
    found = {}
    for step in COMMENT_STEPS:
        with undone():
            done = comment_step(step, client, Comment.objects.get(pk=comment.pk))
            if not done:
                assert not comment.log.exclude(pk=model_objects["comments.moderationlog"].pk)
            found[step] = "yes" if done else "no"
    assert found == {step: rights[role] for step, rights in COMMENT_STEPS.items()}


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


# Confirmation links


def confirmation_link(kind, confirmation):
    token = confirmation.token
    if kind == "forged":
        token = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    elif kind == "bent":
        other = Confirmation.objects.create(email="someone-else@example.org")
        token = signing.dumps(
            [other.pk, email_digest(confirmation.email)], salt=confirmation_token_salt
        )
    return reverse("comments:confirm", args=[token])


def press_confirm(client, kind, confirmation, monkeypatch):
    url = confirmation_link(kind, confirmation)
    if kind == "expired":
        days = settings.COMMENTS_CONFIRM_DAYS + 1
        later = (timezone.now() + timezone.timedelta(days=days)).timestamp()
        monkeypatch.setattr("django.core.signing.time", SimpleNamespace(time=lambda: later))
    opened = client.get(url).status_code
    client.post(url)
    monkeypatch.undo()
    confirmation.refresh_from_db()
    done = confirmation.confirmed_at is not None
    assert opened == (200 if done else 400)
    return done


@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_confirmation_links(role, people, publish, monkeypatch):
    client = Client() if role == "anonymous" else client_for(people[role])
    comment = Comment.objects.create(
        article=publish(), name="Reader", email="reader@example.org", text="Hello."
    )
    found = {}
    for kind in CONFIRMATION_LINKS:
        with undone():
            confirmation = Confirmation.objects.create(email=comment.email, comment=comment)
            found[kind] = "yes" if press_confirm(client, kind, confirmation, monkeypatch) else "no"
    column = "superuser" if role == "anonymous" else role  # a valid link works for anyone
    assert found == {kind: rights[column] for kind, rights in CONFIRMATION_LINKS.items()}


# Withdrawn and renamed stories


@pytest.fixture
def takedowns(people, make_article):
    editor = people["editor"]
    gone = make_article(headline="Gone story", slug="gone")
    gone.publish(editor)
    gone.withdraw(editor, "Legal")
    never_seen = make_article(
        headline="Never seen", slug="never-seen", embargo_until=timezone.now() + timedelta(hours=2)
    )
    never_seen.publish(editor)
    never_seen.slug = "never-seen-renamed"
    never_seen.save()
    never_seen.withdraw(editor, "Legal")
    moved = make_article(headline="Moved story", slug="moved")
    moved.publish(editor)
    moved.slug = "moved-here"
    moved.save()
    return {
        "gone-page": "/articles/gone/",
        "gone-ninjs": "/articles/gone/ninjs.json",
        "never-seen-page": "/articles/never-seen-renamed/",
        "never-seen-ninjs": "/articles/never-seen-renamed/ninjs.json",
        "never-seen-old-slug": "/articles/never-seen/",
        "old-slug": "/articles/moved/",
        "old-slug-ninjs": "/articles/moved/ninjs.json",
        "gone-preview": reverse("articles:preview", args=[gone.pk]),
    }


def surface_statuses(client, urls):
    found = {}
    for surface, url in urls.items():
        response = client.get(url)
        found[surface] = str(response.status_code)
        if surface in ("gone-page", "gone-ninjs"):
            assert "Gone story" not in response.content.decode()
    return found


@pytest.mark.parametrize("role", ROLES)
def test_takedown_surfaces(role, people, takedowns):
    found = surface_statuses(client_for(people[role]), takedowns)
    assert found == {surface: rights[role] for surface, rights in TAKEDOWNS.items()}


def test_takedown_surfaces_for_readers(client, takedowns):
    expected = {surface: rights["superuser"] for surface, rights in TAKEDOWNS.items()}
    expected["gone-preview"] = "302"  # to the login page
    assert surface_statuses(client, takedowns) == expected


# Live coverage on a published story, through the buttons of its admin page. "own" is a
# story the person wrote; posting needs the right to edit articles and being on the story,
# the rest (start, end, pin, correct, withdraw, break out) the right to publish.
LIVE_STEPS = table("""
step          reporter  translator  editor  moderator  superuser
start         no        no          yes     no         yes
post-own      yes       yes         yes     no         yes
post-others   no        no          yes     no         yes
pin           no        no          yes     no         yes
correct       no        no          yes     no         yes
withdraw      no        no          yes     no         yes
break-out     no        no          yes     no         yes
end           no        no          yes     no         yes
""")


def try_live_step(step, user, publish, editor):
    from articles.models import LivePost

    story = publish(headline="Storm", slug="storm-live", created_by=editor)
    if step == "start":
        client_for(user).post(reverse("admin:articles_article_live", args=[story.pk, "start"]))
        story.refresh_from_db()
        return story.coverage_is_running
    story.start_live_coverage(editor)
    if step.startswith("post"):
        if step == "post-own":
            Article.objects.filter(pk=story.pk).update(created_by=user)
        url = reverse("admin:articles_article_live", args=[story.pk, "post"])
        client_for(user).post(url, {"body": "<p>Wind.</p>"})
        return LivePost.objects.filter(created_by=user).exists()
    if step == "end":
        client_for(user).post(reverse("admin:articles_article_live", args=[story.pk, "end"]))
        story.refresh_from_db()
        return not story.coverage_is_running
    post = story.add_live_post(editor, "<p>Wind.</p>")
    url = reverse("admin:articles_article_live_post", args=[story.pk, post.pk, step])
    client_for(user).post(url, {"note": "Gusts, not a gale."})
    post.refresh_from_db()
    return {
        "pin": post.pinned,
        "correct": bool(post.correction),
        "withdraw": post.withdrawn_at is not None,
        "break-out": post.broken_out_to_id is not None,
    }[step]


@pytest.mark.parametrize("role", ROLES)
def test_live_steps(role, people, publish):
    for step, allowed in LIVE_STEPS.items():
        with undone():
            done = try_live_step(step, people[role], publish, people["editor"])
            assert done == (allowed[role] == "yes"), (step, role)
