import functools
import os
import uuid
from contextlib import contextmanager
from datetime import timedelta

import hypothesis
import pytest
import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.utils import timezone
from django_celery_beat.models import (
    ClockedSchedule,
    CrontabSchedule,
    IntervalSchedule,
    PeriodicTask,
    SolarSchedule,
)

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
from comments.models import BannedCommenter, BannedWord, Comment, Confirmation, ModerationLog
from desk.models import Notice
from jobs.models import FailedTask, OutgoingMail
from newsroom.celery import app as celery_app
from newsroom.pagecache import local
from tests import factories
from tests.factories import contributor, library_picture
from tests.processes import PAGE_CACHE_REDIS_URL, redis_client
from wire.models import HeldVersion, InboxFile, WireStory


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """
    Of the tests that commit (pytest-django runs them after the others, in the order
    collected), those whose database is put back from its serialized copy go first.
    Flushing after any other such test makes the content types again under new ids,
    and the copy's rows, put back on top of them, break their uniqueness.
    """
    marks = [item.get_closest_marker("django_db") for item in items]
    committing = [n for n, mark in enumerate(marks) if mark and mark.kwargs.get("transaction")]
    serialized_first = sorted(
        committing, key=lambda n: not marks[n].kwargs.get("serialized_rollback")
    )
    ordered = list(items)
    for place, n in zip(committing, serialized_first, strict=True):
        ordered[place] = items[n]
    items[:] = ordered


# Tests of generated input (marked "fuzz"): a short run in `make test`, a long one in
# `make fuzz` (HYPOTHESIS_PROFILE=fuzz). No deadline: a page's first render may be slow.
for name, examples in {"default": 25, "fuzz": 400}.items():
    hypothesis.settings.register_profile(
        name,
        max_examples=examples,
        deadline=None,
        suppress_health_check=[
            hypothesis.HealthCheck.too_slow,
            hypothesis.HealthCheck.function_scoped_fixture,
        ],
    )
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Each test its own cache in memory: fast, and never a running server's files.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def on_redis(settings):
    """The page cache on a real Redis, each process keeping its own copies (local.py)."""
    client = redis_client(PAGE_CACHE_REDIS_URL)
    if client is None:
        pytest.skip(f"needs Redis at {PAGE_CACHE_REDIS_URL}")
    prefix = f"newsroom-tests-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.ForgivingRedisCache",
            "LOCATION": PAGE_CACHE_REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.PAGE_CACHE_LOCAL_MB = 16
    pages = local.here()
    yield pages
    pages.close()
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture(params=["memory", "redis"])
def each_shared_cache(request):
    """The shared cache in memory, then on Redis with each process's copies."""
    if request.param == "redis":
        request.getfixturevalue("on_redis")


@pytest.fixture(autouse=True, scope="session")
def tasks_inline():
    """
    Background tasks run in the test's own thread, as they do without a broker, so their
    mail can be read back and a failure happens inside the test. (Only tests that run
    on-commit callbacks queue tasks at all.)
    """
    celery_app.conf.task_always_eager = True


@pytest.fixture
def queueing_to():
    """``with queueing_to(url):`` this process queues tasks on that broker, as a web server
    with a broker does; afterwards, in-process again with the connections it had."""
    return _queueing_to


@contextmanager
def _queueing_to(broker_url):
    conf, amqp = celery_app.conf, celery_app.amqp
    saved = (conf.task_always_eager, conf.broker_url, celery_app._pool, amqp._producer_pool)
    celery_app.conf.update(task_always_eager=False, broker_url=broker_url)
    celery_app._pool = celery_app.amqp._producer_pool = None
    try:
        yield
    finally:
        if celery_app._pool is not None:
            celery_app._pool.force_close_all()
        celery_app.conf.update(task_always_eager=saved[0], broker_url=saved[1])
        celery_app._pool, celery_app.amqp._producer_pool = saved[2], saved[3]


@pytest.fixture
def section(db):
    return factories.make_section()


@pytest.fixture
def make_user(db):
    return factories.make_user


@pytest.fixture
def editor(make_user):
    return make_user("editor", "Editors")


@pytest.fixture
def reporter(make_user):
    return make_user("reporter", "Reporters")


@pytest.fixture
def translator(make_user):
    return make_user("translator", "Translators")


@pytest.fixture
def moderator(make_user):
    return make_user("moderator", "Moderators")


@pytest.fixture
def make_article(section):
    """make_article(credits=(), **fields): a draft, as factories.make_article."""
    return functools.partial(factories.make_article, section=section)


@pytest.fixture
def publish(section):
    """publish(hours_ago=3, **fields): a story readers can see, as factories.published_article."""
    return functools.partial(factories.published_article, section=section)


@pytest.fixture
def article(publish):
    """A published story for readers to comment on."""
    return publish(headline="Harbour fraud trial opens")


# The role tables' people and things (tests/roles.py has the tables' helpers)


@pytest.fixture
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
    from_the_wire = make_article(headline="From the wire", created_by=people["superuser"])
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
        "library.libraryimage": library_picture(caption="Harbour at dawn"),
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
        "wire.wirestory": WireStory.objects.create(article=from_the_wire, agency="NTB"),
        "wire.heldversion": HeldVersion.objects.create(
            article=from_the_wire, headline="A later version", why="changed by the desk"
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
