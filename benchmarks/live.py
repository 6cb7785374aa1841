"""
A live story under load: a story with 500 posts, its page and its updates endpoint each
loaded by 16 connections while a post is added every two seconds, against the bare view.

    python -m benchmarks.live_measure      # on its own (SQLite, or DATABASE_URL; Redis if any)

`make bench` runs the same scenario on its cached server (``scenario``). The helpers
``--setup`` and ``--post`` run inside Django, in a process of their own.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import types

SLUG = "bench-live-coverage"
POSTS = 500
CONNECTIONS = 16
POST_EVERY_SECONDS = 2
REPORTERS = ["Ann Lee", "Bo Ek", "Cy Dahl"]
PLACES = ["Oslo", "Bergen"]


def setup(posts):
    """The live story, made afresh with ``posts`` posts; prints its page and updates address."""
    from datetime import timedelta

    from django.contrib.auth.models import User
    from django.utils import timezone

    from articles.models import Article, Contributor, Section
    from live.models import LiveCoverage, LivePost, LivePostCredit

    user = User.objects.filter(username="bench-live").first()
    if user is None:
        user = User.objects.create_superuser("bench-live", "bench-live@example.org", None)
    Article.objects.filter(slug=SLUG).delete()
    section = Section.objects.order_by("pk").first() or Section.objects.create(
        name="World", slug="world"
    )
    story = Article.objects.create(
        slug=SLUG, headline="Benchmark storm: live", section=section, body="<p>Intro.</p>"
    )
    story.publish(user)
    now = timezone.now()
    story.publish_at, story.first_published_at = now - timedelta(days=1), None
    story.save(update_fields=["publish_at", "first_published_at"])
    LiveCoverage.objects.create(article=story, started_at=now - timedelta(days=1))
    reporters = [Contributor.objects.for_name(name) for name in REPORTERS]
    made = LivePost.objects.bulk_create(
        LivePost(
            article=story,
            posted_at=now - timedelta(minutes=2 * (posts - n)),
            title=f"Update {n}" if n % 5 == 0 else "",
            body=f"<p>Post {n}: the wind keeps rising along the coast.</p>",
            pinned=n % 100 == 0,
            created_by=user,
        )
        for n in range(posts)
    )
    LivePostCredit.objects.bulk_create(
        LivePostCredit(
            post=post,
            contributor=reporters[n % len(reporters)],
            role="reporting",
            place=PLACES[n % len(PLACES)],
        )
        for n, post in enumerate(made)
    )
    story.refresh_from_db()
    story.save()  # ends whatever a cache held of it
    newest = LivePost.objects.filter(article=story).visible().first()
    page = story.get_absolute_url()
    print(json.dumps({"page": page, "updates": f"{page}live/updates/?after={newest.cursor}"}))


def post_now_and_then(every, seconds):
    """A post every ``every`` seconds, through the model, as the admin's form would."""
    from django.contrib.auth.models import User

    from live.models import LiveCoverage

    coverage = LiveCoverage.objects.select_related("article").get(article__slug=SLUG)
    user = User.objects.get(username="bench-live")
    started, posted = time.monotonic(), 0
    while time.monotonic() - started < seconds:
        posted += 1
        coverage.add_post(user, f"<p>Flash {posted}: more trees down.</p>")
        time.sleep(max(0.0, started + posted * every - time.monotonic()))
    print(posted)


def scenario(args, server, env, wrk, log):
    """The live page and its updates under load while posts keep coming; with the bare view."""
    load = types.SimpleNamespace(**{**vars(args), "connections": CONNECTIONS})
    made = subprocess.run(
        [sys.executable, "-m", "benchmarks.live", "--setup", f"--posts={POSTS}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    urls = json.loads(made.stdout.strip().splitlines()[-1])
    results = {"posts": POSTS, "connections": CONNECTIONS}
    for name in ("page", "updates"):
        url = server.base + urls[name]
        seconds = args.warmup + args.duration + 2
        poster = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.live", "--post", f"--seconds={seconds}"],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            wrk(load, url, duration=args.warmup)
            result = wrk(load, url)
        finally:
            result["new_posts"] = int(poster.communicate(timeout=seconds + 60)[0].strip() or 0)
        server.settle()
        result["bare_rps"] = wrk(load, server.base + "/bench/bare/", duration=args.reference)["rps"]
        result["ratio"] = result["rps"] / result["bare_rps"] if result["bare_rps"] else None
        log(
            f"  live {name:8} {result['rps']:8.1f} req/s  {result['ratio']:.3f} × bare"
            f"  p99 {result['p99']:.1f} ms  ({result['new_posts']} new posts)"
        )
        results[name] = result
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--setup", action="store_true")
    parser.add_argument("--posts", type=int, default=POSTS)
    parser.add_argument("--post", action="store_true")
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    if args.setup:
        setup(args.posts)
    elif args.post:
        post_now_and_then(POST_EVERY_SECONDS, args.seconds)


if __name__ == "__main__":
    main()
