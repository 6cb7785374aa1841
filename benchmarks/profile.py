"""
Where an uncached article page spends its time: the page rendered in-process,
again and again, under cProfile; the top costs by own time and by cumulative time.

    DJANGO_SETTINGS_MODULE=benchmarks.settings DATABASE_URL=... \
        python -m benchmarks.profile --url /articles/some-story/ --renders 200
"""

import argparse
import cProfile
import io
import os
import pstats


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--url", required=True)
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(5):  # templates compiled, styles and kept parts cached
        assert client.get(args.url).status_code == 200
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.renders):
        client.get(args.url)
    profile.disable()
    print(f"## Where an uncached render's time goes ({args.renders} renders)\n")
    print("| cost | ms per render |")
    print("|---|---:|")
    for label, ms in costs(profile, args.renders):
        print(f"| {label} | {ms:.2f} |")
    print()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(args.top)
        print(f"## By {order} ({args.renders} renders)\n")
        print(out.getvalue().split("\n", 4)[-1])


# Functions whose cumulative time says what a render spends on each kind of work.
COSTS = [
    ("the whole request", "django/test/client.py", "get"),
    ("templates", "django/template/base.py", "render"),
    ("database queries", "django/db/backends/utils.py", "execute"),
    ("crispy-forms (the comment form)", "crispy_forms/templatetags/crispy_forms_tags.py", "render"),
    ("cache reads", "django/core/cache/backends", "get_many"),
    ("JSON-LD", "articles/structured_data.py", "news_article"),
    ("credit lines", "articles/creditlines", "render_credit_line"),
]


def costs(profile, renders):
    stats = pstats.Stats(profile).stats
    for label, path, name in COSTS:
        found = [
            cumulative
            for (filename, _, function), (_, _, _, cumulative, _) in stats.items()
            if path in filename and function == name
        ]
        # The outermost call holds the others: its cumulative time is the largest.
        yield label, (max(found) if found else 0) * 1000 / renders


if __name__ == "__main__":
    main()
