"""
Articles matching a reader's words.

PostgreSQL ranks full-text matches (headline above standfirst above body) from
the document column that migration 0008_stored_search_document keeps. Ranking
reads every candidate's document, so only the newest ``CANDIDATES`` matches are
ranked: a common word matching half the archive costs what a rare one does. The
candidates are looked up once, so counting and ranking them read only those rows.
Other databases need every word somewhere, and keep the queryset's order.

Readers' searches keep what they found (``best_first_ids``, kept per query by the
search page until a public story changes): a page of results then reads only the
stories it shows (``Results``).
"""

from collections.abc import Sequence

from django.db import connections
from django.db.models import Expression, Q

CANDIDATES = 500


def normalized(query):
    """The words of ``query`` as search reads them: one space between, any case."""
    return " ".join(query.split()).lower()


def matching(queryset, query):
    """``queryset`` narrowed to what matches ``query``, best first on PostgreSQL."""
    query = " ".join(query.split())
    if not query:
        return queryset.none()
    connection = connections[queryset.db]
    if connection.vendor == "postgresql":
        return _ranked(queryset, query, connection)
    matches = Q()
    for word in query.split():
        matches &= (
            Q(headline__icontains=word) | Q(standfirst__icontains=word) | Q(body__icontains=word)
        )
    return queryset.filter(matches)


class SearchDocument(Expression):
    """The stored document column of the article table at hand, in a subquery too.

    Headline (A), standfirst (B) and body (C) with the "simple" configuration:
    articles come in many languages, so no one language's stemming.
    """

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.search_document", []


def _ranked(queryset, query, connection):
    from django.contrib.postgres.search import SearchQuery, SearchRank

    document = SearchDocument()
    terms = SearchQuery(query, search_type="websearch", config="simple")
    newest = list(
        queryset.alias(search_document=document)
        .filter(search_document=terms)
        .order_by("-publish_at", "-pk")
        .values_list("pk", flat=True)[:CANDIDATES]
    )
    return (
        queryset.filter(pk__in=newest)
        .annotate(rank=SearchRank(document, terms))
        .order_by("-rank", "-publish_at", "-pk")
    )


def best_first_ids(queryset, query):
    """The keys of what in ``queryset`` matches ``query``, best first."""
    return list(matching(queryset, query).values_list("pk", flat=True))


class Results(Sequence):
    """The stories of ``queryset`` with these keys, in their order, read a page at a time
    (a paginator counts them and slices the page it shows).

    The keys are taken as they were found: they are kept only until a public story
    changes (cachetags.SEARCHED), so counting them asks the database nothing. A page
    reads its stories through ``queryset``, so one that stopped being public since is
    never shown, and only when it is shown: a page kept whole reads none.
    """

    def __init__(self, queryset, ids):
        self.queryset, self.ids = queryset, list(ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0] if index >= 0 else self[len(self) + index]
        return _Stories(self.queryset, self.ids[index])


class _Stories(Sequence):
    """The stories with these keys, in this order, read when first looked at."""

    def __init__(self, queryset, ids):
        self.queryset, self.ids, self._found = queryset, ids, None

    def _stories(self):
        if self._found is None:
            found = {story.pk: story for story in self.queryset.filter(pk__in=self.ids)}
            self._found = [found[pk] for pk in self.ids if pk in found]
        return self._found

    def __len__(self):
        return len(self._stories())

    def __getitem__(self, index):
        return self._stories()[index]

    def __iter__(self):
        return iter(self._stories())
