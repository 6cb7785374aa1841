"""
The real SQL of the home, section, article, search, comment-posting and comment-queue
pages, with PostgreSQL's plans for it (EXPLAIN ANALYZE, BUFFERS).

The pages are requested in-process with Django's test client; every query they
run is captured, and each one that reads the site's own tables is explained.
"""

import argparse
import itertools
import json
import os
import re
import time

TABLES = re.compile(r'"(articles_\w+|comments_\w+)"')
INDEX_SCAN = re.compile(r"(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? on (\w+)")
SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")
QUEUE = "/admin/comments/comment/?status=pending"


def capture(client, url, data=None):
    """The page's queries of the site's tables, and what went wrong serving it, if anything."""
    from django.db import connection
    from django.db.utils import OperationalError
    from django.test.utils import CaptureQueriesContext

    problem = None
    with CaptureQueriesContext(connection) as queries:
        try:
            response = client.get(url) if data is None else client.post(url, data())
            if response.status_code != (200 if data is None else 302):
                problem = f"answered {response.status_code}"
        except OperationalError as error:  # the statement timeout of the run
            problem = f"failed: {error}".strip()
    return [q["sql"] for q in queries.captured_queries if TABLES.search(q["sql"])], problem


def plan(sql, timeout_seconds=60):
    """The plan as run; only the estimated one when running it takes too long."""
    from django.db import connection, transaction
    from django.db.utils import OperationalError

    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = '{timeout_seconds}s'")
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            return "\n".join(row[0] for row in cursor.fetchall())
    except OperationalError:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql)
            rows = [row[0] for row in cursor.fetchall()]
        return "\n".join([f"(not run: over {timeout_seconds} s; estimated plan)", *rows])


def comment_form(targets):
    """A new reader's comment, as the form on the page sends it."""
    from articles.models import Article
    from comments.forms import make_timestamp

    article = Article.objects.get(slug=targets["comment_article"].strip("/").split("/")[-1])
    readers = itertools.count()

    def data():
        reader = f"explain-{next(readers)}-{time.time_ns()}"
        return {
            "name": reader,
            "email": f"{reader}@example.org",
            "text": "A comment sent while explaining the queries.",
            "timestamp": make_timestamp(article, at=time.time() - 60),
            "parent": "",
            "website": "",
        }

    return data


def table_sizes():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_live_tup FROM pg_stat_user_tables "
            "WHERE relname LIKE 'articles_%%' OR relname LIKE 'comments_%%'"
        )
        return dict(cursor.fetchall())


def main(argv=None):
    parser = argparse.ArgumentParser(description="Query plans of the main pages.")
    parser.add_argument("--targets", required=True, help="JSON from benchmarks.build")
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)
    targets = json.loads(args.targets)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.test import Client

    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    pages = [
        ("home", "/", None, None),
        ("section", targets["section"], None, None),
        ("article", targets["article"], None, None),
        ("search", targets["search"], None, None),
        ("comment posting", targets["comment_post"], None, comment_form(targets)),
        ("comment queue (pending)", QUEUE, admin, None),
    ]
    sizes = table_sizes()
    summary = [
        "| page | query | index scans | sequential scans | time (ms) |",
        "|---|---|---|---|---:|",
    ]
    details = []
    for name, url, user, data in pages:
        client = Client()
        if user is not None:
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        # The plans are of a page served once before.
        warm_queries, problem = capture(client, url, data)
        queries, problem = (
            capture(client, url, data) if problem is None else (warm_queries, problem)
        )
        details += [f"## {name}: `{url}`", ""]
        if problem:
            details += [f"The page {problem}.", ""]
            summary.append(f"| {name} | the page {problem.splitlines()[0]} | | | |")
        for n, sql in enumerate(queries, start=1):
            text = plan(sql)
            indexes = sorted(set(INDEX_SCAN.findall(text)))
            seqs = sorted(set(SEQ_SCAN.findall(text)))
            took = re.search(r"Execution Time: ([\d.]+) ms", text)
            tables = ", ".join(dict.fromkeys(TABLES.findall(sql)))
            summary.append(
                f"| {name} | {n}: {tables} | {', '.join(indexes) or '–'} | "
                + (", ".join(f"{t} ({sizes.get(t, '?')} rows)" for t in seqs) or "–")
                + f" | {took.group(1) if took else '?'} |"
            )
            details += [f"### {n}. {tables}", "", "```sql", sql, "```", "", "```", text, "```", ""]
    header = [
        f"# Query plans at {targets['articles']:,} articles (PostgreSQL)",
        "",
        "Made by `make bench` (`benchmarks/explain.py`): every query of the site's tables "
        "that each page runs, captured from the real request, then `EXPLAIN (ANALYZE, BUFFERS)`.",
        "",
        "## Summary",
        "",
        *summary,
        "",
    ]
    text = "\n".join(header + details)
    with open(args.output, "w") as out:
        out.write(text)
    print("\n".join(summary))


if __name__ == "__main__":
    main()
