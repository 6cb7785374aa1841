"""
Edit a story again and again, as a busy desk would, while the benchmark loads
another page: each edit ends the cached pages showing that story.

    DJANGO_SETTINGS_MODULE=benchmarks.settings python -m benchmarks.churn \
        --slug some-story --rate 10 --seconds 12
"""

import argparse
import os
import time


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--slug", required=True)
    parser.add_argument("--rate", type=float, default=10, help="edits a second")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--count", type=int, default=0, help="stop after this many edits")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    from articles.models import Article

    article = Article.objects.get(slug=args.slug)
    headline = article.headline
    started, edits = time.monotonic(), 0
    while time.monotonic() - started < args.seconds:
        edits += 1
        article.headline = f"{headline} ({edits})"
        article.save()
        if args.count and edits >= args.count:
            break
        time.sleep(max(0.0, started + edits / args.rate - time.monotonic()))
    article.headline = headline
    article.save()
    print(edits)


if __name__ == "__main__":
    main()
