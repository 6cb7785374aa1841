"""
A GIN index for the public site's full-text search, on PostgreSQL only.

The indexed expression is exactly the one ArticleQuerySet.search() builds, so
the planner can use it; other databases search without it.
"""

from django.db import migrations

INDEX = "article_search_document"
DOCUMENT = (
    "(setweight(to_tsvector('simple'::regconfig, COALESCE(headline, '')), 'A')"
    " || setweight(to_tsvector('simple'::regconfig, COALESCE(standfirst, '')), 'B'))"
    " || setweight(to_tsvector('simple'::regconfig, COALESCE(body, '')), 'C')"
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_article USING gin (({DOCUMENT}))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_embargo_and_translation_lineage")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
