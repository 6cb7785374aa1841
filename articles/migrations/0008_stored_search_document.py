"""
Search ranks from a stored document, on PostgreSQL only.

Migration 0004 indexed an expression: the index found matches, but ranking them
rebuilt each match's document from its text (0.7 s for 5,000 matches). A
generated column keeps the document itself, written by PostgreSQL whenever
headline, standfirst or body change (saves, updates and bulk inserts alike), and
its GIN index finds matches. ArticleQuerySet.search() reads this column; other
databases search without it.
"""

from django.db import migrations

OLD_INDEX = "article_search_document"
COLUMN = "search_document"
INDEX = "article_search_stored"
DOCUMENT = (
    "(setweight(to_tsvector('simple'::regconfig, COALESCE(headline, '')), 'A')"
    " || setweight(to_tsvector('simple'::regconfig, COALESCE(standfirst, '')), 'B'))"
    " || setweight(to_tsvector('simple'::regconfig, COALESCE(body, '')), 'C')"
)


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
        schema_editor.execute(
            f"ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS {COLUMN} tsvector"
            f" GENERATED ALWAYS AS ({DOCUMENT}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_article USING gin ({COLUMN})"
        )


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(f"ALTER TABLE articles_article DROP COLUMN IF EXISTS {COLUMN}")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON articles_article USING gin (({DOCUMENT}))"
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_reading_indexes")]

    operations = [migrations.RunPython(add_column, drop_column, elidable=False)]
