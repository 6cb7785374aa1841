import functools
from contextlib import contextmanager

import pytest
from django.core.cache import cache

from newsroom.celery import app as celery_app
from tests import factories


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


@pytest.fixture(autouse=True)
def isolated(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Each test its own cache in memory: fast, and never a running server's files.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


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
