"""
What the apps tell the page cache, each in its ``AppConfig.ready()``: which of
their models readers see and which tags a change of one renews (``watch``; for
what changes by itself at a known time, see schedule.py), and which query
parameters their pages read (``reads_parameters``).

While a page renders for the cache, it collects the tags it shows: views name
theirs with ``shows()``, and every instance of a model watched with
``instance_tag`` adds its own tag as it is loaded.
"""

import contextlib
import contextvars

from django.db.models.signals import post_delete, post_init, post_save, pre_save

from . import schedule
from . import tags as page_tags

_shown = contextvars.ContextVar("pages_shown", default=None)
# The query parameters some public page reads; the others change nothing a reader sees.
_parameters = set()


def reads_parameters(*names):
    """Public pages read these query parameters (``page``, ``q`` …): each value is its own
    page. Any other parameter is dropped before a public page is looked up or rendered, so
    ``?x=1`` is the clean address's page, not one more copy of it in the cache."""
    _parameters.update(names)


def read_parameters():
    return _parameters


@contextlib.contextmanager
def collecting():
    """Collect the tags of what renders inside; yields the set they go into."""
    shown = {page_tags.SITE}
    token = _shown.set(shown)
    try:
        yield shown
    finally:
        _shown.reset(token)


def shown_so_far():
    """The tags the page being rendered has shown until now (none outside a cached render)."""
    shown = _shown.get()
    return set(shown) if shown is not None else set()


def shows(*tags):
    """The page being rendered shows these tags (nothing happens outside a cached render)."""
    shown = _shown.get()
    if shown is not None:
        shown.update(tags)


def watch(model, tags, before=(), instance_tag=None, moves_schedule=False):
    """
    Readers see ``model``: saving or deleting one renews ``tags(instance, old)``.

    ``old`` holds the values the fields named in ``before`` had in the database
    before a save (None for a new row; the instance's own values for a delete),
    so that a change can tell what it moved, e.g. an article leaving a section.
    ``instance_tag(instance)``, when given, is a tag every page that loads such
    an instance shows. ``moves_schedule``: a change may bring the next scheduled
    change forward (a story scheduled for later); True, or a function of
    ``(instance, old)`` saying whether this change may.
    """
    label = model._meta.label
    fields = list(before)

    def remember(sender, instance, raw=False, **kwargs):
        instance._pages_before = None
        if fields and not raw and not instance._state.adding:
            instance._pages_before = (
                sender._base_manager.filter(pk=instance.pk).values(*fields).first()
            )

    def moves(instance, old):
        return moves_schedule(instance, old) if callable(moves_schedule) else moves_schedule

    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            old = getattr(instance, "_pages_before", None)
            page_tags.renew(tags(instance, old))
            if moves(instance, old):
                schedule.moved()

    def deleted(sender, instance, **kwargs):
        page_tags.renew(tags(instance, {name: getattr(instance, name) for name in fields}))

    pre_save.connect(remember, sender=model, weak=False, dispatch_uid=f"pages-before-{label}")
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"pages-saved-{label}")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"pages-deleted-{label}")
    if instance_tag is not None:

        def loaded(sender, instance, **kwargs):
            shown = _shown.get()
            if shown is not None and instance.pk is not None:
                shown.add(instance_tag(instance))

        post_init.connect(loaded, sender=model, weak=False, dispatch_uid=f"pages-loaded-{label}")
