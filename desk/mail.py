"""Mail from the desk, in one place: kept in the outbox with the change it tells of."""

from jobs.outbox import queue_mail


def send_after_commit(messages, about="desk notice"):
    """Send these EmailMessages once the change they tell of is saved for good.

    They are written to the outbox in the same transaction as the change, so a process
    dying after the commit loses none; mail trouble is retried and never undoes the change.
    """
    messages = list(messages)
    if messages:
        queue_mail(messages, about=about)
