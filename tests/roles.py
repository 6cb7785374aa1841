"""
The role tables: one column per role, each row a right the newsroom gives or refuses,
and how a test tries each right as someone and undoes what the try changed.
"""

from contextlib import contextmanager

from django.db import transaction
from django.test import Client
from django.urls import reverse

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


def admin_url(obj, view):
    opts = obj._meta
    args = [] if view in {"changelist", "add"} else [obj.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)
