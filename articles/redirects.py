"""Old addresses answer 301 to the current ones (models/addresses.py keeps the old slugs)."""

import functools

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from newsroom.pagecache import public_page, sent_query

from .models import FormerSlug


def follow_former_slugs(view, url_name, owners):
    """
    ``view``, but where no page has the slug and something among ``owners()`` had it
    before, a permanent redirect to the same page at its current slug (query kept).

    Only ``owners()`` are followed, so an old address never tells more than the current
    one would: a story readers never saw stays "not found" under every slug it had.
    """

    @functools.wraps(view)
    def wrapper(request, *args, slug, **kwargs):
        try:
            return view(request, *args, slug=slug, **kwargs)
        except Http404:
            current = formerly_at(owners(), slug)
            if current is None:
                raise
            url = reverse(url_name, kwargs={**kwargs, "slug": current.slug})
            if query := sent_query(request):  # re-encoded: the header stays plain
                url = f"{url}?{query.urlencode()}"
            return HttpResponsePermanentRedirect(url)

    return wrapper


def formerly_at(queryset, slug):
    """What among ``queryset`` had ``slug`` before, or None."""
    former = FormerSlug.objects.filter(kind=queryset.model._meta.label_lower, slug=slug)
    return queryset.filter(pk__in=former.values("owner_id")).first()


def public_page_by_slug(view, url_name, owners):
    """A public page by slug: cached for readers, and still found at a slug it had before."""
    return public_page(follow_former_slugs(view, url_name, owners))
