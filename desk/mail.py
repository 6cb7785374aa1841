"""Mail from the desk, in one place: today sent after the commit, later by a task queue."""

import logging

from django.core.mail import get_connection
from django.db import transaction

logger = logging.getLogger(__name__)


def send_after_commit(messages):
    """Send these EmailMessages once the change they tell of is saved for good.

    Mail trouble is logged and never undoes the change: the notices are on the desk anyway.
    """
    messages = list(messages)
    if messages:
        transaction.on_commit(lambda: _send(messages))


def _send(messages):
    try:
        with get_connection() as connection:
            connection.send_messages(messages)
    except Exception:
        logger.exception("Could not send %d desk email(s)", len(messages))
