"""
Articles matching a reader's words.

PostgreSQL ranks full-text matches (headline above standfirst above body) from
the document column that migration 0008_stored_search_document keeps. Ranking
reads every candidate's document, so only the newest ``CANDIDATES`` matches are
ranked: a common word matching half the archive costs what a rare one does. The
candidates are looked up once, so counting and ranking them read only those rows.
Other databases need every word somewhere, and keep the queryset's order.
"""

from django.db import connections
from django.db.models import Expression, Q

CANDIDATES = 500


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
