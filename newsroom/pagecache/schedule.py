"""
Changes that happen by themselves: a story released at its publish time or when
its embargo lifts, comments closing after some days. No write marks them, so the
first request after such a moment renews the tags of what changed since the last
look, before any page is served from the cache; no cron job is needed.

The state, shared through the cache: ``{"next": when the next change is due,
"checked": up to when changes were looked at}`` (epoch seconds). A write that may
move the schedule marks it due at once.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from . import tags as page_tags

SCHEDULE_KEY = "pages:schedule"
MOVES_KEY = "pages:schedule:moves"
LOCK_KEY = "pages:schedule:lock"
LOCK_SECONDS = 30

_schedules = []


def watch_schedule(next_change, changed_between):
    """
    Something readers see changes by itself at a known time, with no write.

    ``next_change()`` returns when it next happens (or None) and
    ``changed_between(since, until)`` the tags of what changed in that span.
    """
    if (next_change, changed_between) not in _schedules:
        _schedules.append((next_change, changed_between))


def now():
    # The site's clock, the one Article.objects.published() reads.
    return timezone.now().timestamp()


def is_due(state, at):
    return state is None or (state["next"] is not None and at >= state["next"])


def seconds_left(state, at):
    """How long what is cached now stays true, or None for as long as nothing is written."""
    if state is None or state["next"] is None:
        return None
    return max(0, int(state["next"] - at))


def catch_up(state):
    """Renew the tags of what changed by itself since the last look.

    Returns the new state, or None when another process is at it (pages must
    then not come from the cache until it is done).
    """
    if not cache.add(LOCK_KEY, 1, LOCK_SECONDS):
        return None
    try:
        at = now()
        since = state["checked"] if state and state["checked"] else at - settings.PAGE_CACHE_SECONDS
        moves = _moves()
        changed = set()
        for _, changed_between in _schedules:
            changed.update(changed_between(_moment(since), _moment(at)))
        if changed:
            page_tags.renew_now(changed)
        moments = [next_change() for next_change, _ in _schedules]
        moments = [moment.timestamp() for moment in moments if moment is not None]
        new = {"next": min(moments) if moments else None, "checked": at}
        if _moves() != moves:
            new["next"] = at  # the schedule was moved meanwhile: look again next time
        cache.set(SCHEDULE_KEY, new, None)
        return new
    finally:
        cache.delete(LOCK_KEY)


def moved():
    """A write may have moved the schedule: look again on the next request."""

    def mark_due():
        try:
            cache.incr(MOVES_KEY)
        except ValueError:
            cache.set(MOVES_KEY, 1, None)
        state = cache.get(SCHEDULE_KEY)
        cache.set(SCHEDULE_KEY, {"next": 0, "checked": state["checked"] if state else None}, None)

    mark_due()
    transaction.on_commit(mark_due, robust=True)


def _moves():
    return cache.get(MOVES_KEY, 0)


def _moment(seconds):
    return datetime.fromtimestamp(seconds, tz=UTC)
