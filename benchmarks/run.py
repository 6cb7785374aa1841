"""
Benchmark the Newsroom site: build a newsroom, serve it with gunicorn in
production settings, load its pages with wrk and write benchmarks/results.md.

    .venv/bin/python -m benchmarks.run            # default size only
    .venv/bin/python -m benchmarks.run --scale    # and every page at 1,000 vs 100,000 articles

Ratios are what to compare: the load generator and the server share the machine,
so absolute numbers move with it, ratios from one run much less.
"""

import argparse
import contextlib
import json
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import edge, live, report, scenarios

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
FIRST_PORT = 8610
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4")
LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
# Part of the name of a database the builder made, so --reuse never keeps an older kind.
BUILDER_VERSION = 1
EXPLAIN_TIMEOUT_SECONDS = 60
PAGES = ["bare", "home", "article", "section", "search", "feed", "comment"]


def log(message=""):
    print(message, flush=True)


# The database


def postgres_server():
    """The PostgreSQL server to use (a URL to its maintenance database), or None for SQLite."""
    configured = os.environ.get("DATABASE_URL", "")
    if configured:
        if not configured.startswith("postgres"):
            return None
        return urllib.parse.urlsplit(configured)._replace(path="/postgres").geturl()
    try:
        import psycopg

        psycopg.connect(LOCAL_POSTGRES, connect_timeout=3).close()
    except Exception:
        return None
    return LOCAL_POSTGRES


def database_url(server, name):
    if server is None:
        return f"sqlite:///{OUT / name}.sqlite3"
    return urllib.parse.urlsplit(server)._replace(path=f"/{name}").geturl()


def recreate_database(server, name):
    if server is None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{OUT / name}.sqlite3{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def database_version(server):
    if server is None:
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    import psycopg

    with psycopg.connect(server) as conn:
        return "PostgreSQL " + conn.execute("SHOW server_version").fetchone()[0]


def django(env, *args, **kwargs):
    return subprocess.run([PYTHON, *args], cwd=ROOT, env=env, check=True, **kwargs)


def prepare(args, server, size, base_env):
    """A database holding a newsroom of this size, migrated; returns (env, targets)."""
    articles, comments, contributors = size
    name = f"newsroom_bench_{articles}"
    env = {**base_env, "DATABASE_URL": database_url(server, name)}
    targets_file = OUT / f"targets-{name}-{'postgresql' if server else 'sqlite'}.json"
    if args.reuse and targets_file.exists():
        built = json.loads(targets_file.read_text())
        if built["articles"] == articles and built.get("builder") == BUILDER_VERSION:
            try:
                django(env, "manage.py", "migrate", "--noinput", "-v0")
                django(
                    env,
                    "-m",
                    "benchmarks.build",
                    "--targets-only",
                    f"--targets={targets_file}",
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                targets = json.loads(targets_file.read_text())
            except subprocess.CalledProcessError:
                targets = {"articles": None}  # the database is gone or empty: build it
            if targets["articles"] == articles:
                log(f"Reusing {name}: {articles} articles")
                targets_file.write_text(json.dumps({**targets, "builder": BUILDER_VERSION}))
                return env, targets
    log(f"Building {name}: {articles} articles, {comments} comments, {contributors} contributors")
    recreate_database(server, name)
    django(env, "manage.py", "migrate", "--noinput", "-v0")
    started = time.monotonic()
    django(
        env,
        "-m",
        "benchmarks.build",
        f"--articles={articles}",
        f"--comments={comments}",
        f"--contributors={contributors}",
        f"--targets={targets_file}",
        stdout=subprocess.DEVNULL if args.quiet else None,
    )
    log(f"  ready in {time.monotonic() - started:.0f} s")
    targets = json.loads(targets_file.read_text())
    targets_file.write_text(json.dumps({**targets, "builder": BUILDER_VERSION}, indent=2))
    return env, targets


# The server


def redis_available():
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.ping()
        return client
    except Exception:
        return None


class Server:
    """gunicorn with the production settings, on 127.0.0.1 over plain http."""

    def __init__(self, env, port, label, workers):
        self.env, self.port, self.label, self.workers = env, port, label, workers
        self.base = f"http://127.0.0.1:{port}"

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.__exit__()
            raise

    def start(self):
        self.logfile = open(OUT / f"gunicorn-{self.label}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "newsroom.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={self.workers}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.logfile,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/bench/bare/", timeout=10) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
            if self.process.poll() is not None:
                break
        raise SystemExit(f"gunicorn did not start: see {self.logfile.name}")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.logfile.close()

    def settle(self, seconds=30):
        """Wait for requests wrk left queued to be answered before the next measurement."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            started = time.monotonic()
            with contextlib.suppress(OSError):
                urllib.request.urlopen(self.base + "/bench/bare/", timeout=seconds).close()
            if time.monotonic() - started < 0.05:
                return
            time.sleep(0.5)

    def worker_rss_mb(self):
        """Resident memory of each worker, from /proc."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            kb = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.M).group(1))
            sizes.append(kb / 1024)
        return sizes


# The load


def wrk_installed():
    if shutil.which("wrk"):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("Installing wrk (Debian package)")
        lock = ["-o", "DPkg::Lock::Timeout=300"]
        subprocess.run(["apt-get", "update", "-qq", *lock], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", *lock, "wrk"], check=False)
    return bool(shutil.which("wrk"))


LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output):
    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match.group(1)) * LATENCY_UNITS[match.group(2)] if match else None

    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"^\s+(\d+) requests in", output, re.M)
    bad = re.search(r"^\s+Non-2xx or 3xx responses: (\d+)", output, re.M)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": latency(50),
        "p99": latency(99),
        "requests": int(total.group(1)) if total else 0,
        "bad": int(bad.group(1)) if bad else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }


def wrk(args, url, script=None, env=None, duration=None):
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", "--latency"]
    command += [f"-d{duration or args.duration}s", "--timeout=10s"]
    if script:
        command += ["-s", str(script)]
    result = subprocess.run(
        [*command, url], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )
    if result.returncode != 0:
        raise RuntimeError(f"wrk failed on {url}: {result.stderr}")
    return parse_wrk(result.stdout)


class CommentForm:
    """The fields of the real comment form, read once from the article page."""

    def __init__(self, server, targets):
        self.url = server.base + targets["comment_post"]
        page_url = server.base + targets["comment_article"]
        with urllib.request.urlopen(page_url, timeout=30) as response:
            page = response.read().decode()
        # The page is the same for every reader: the form's script asks for a token.
        values_url = re.search(r'data-reader-values="([^"]+)"', page).group(1)
        with urllib.request.urlopen(server.base + values_url, timeout=30) as response:
            values = json.loads(response.read())
            cookies = response.headers.get_all("Set-Cookie") or []
        token = next((c.split(";")[0] for c in cookies if c.startswith("csrftoken=")), None)
        if token is None:
            raise RuntimeError("the comment form's values set no CSRF cookie")
        self.cookie = token
        self.fields = {
            "csrfmiddlewaretoken": values["csrfmiddlewaretoken"],
            "timestamp": values["timestamp"],
            "parent": "",
            "website": "",
            "text": "A benchmark comment: the figures in the second paragraph look right to me.",
        }

    def check(self):
        """Post once by hand: the load is only worth measuring if a post is accepted."""
        body = urllib.parse.urlencode(
            {**self.fields, "name": "Check", "email": "check@example.org"}
        )
        request = urllib.request.Request(
            self.url, data=body.encode(), headers={"Cookie": self.cookie}, method="POST"
        )
        opener = urllib.request.build_opener(NoRedirect)
        try:
            opener.open(request, timeout=30)
        except urllib.error.HTTPError as answer:
            location = answer.headers.get("Location", "")
            if answer.code == 302 and "#comment-" in location:
                return
            raise RuntimeError(f"comment refused: {answer.code} {location}") from None
        raise RuntimeError("comment refused: the form came back with errors")

    def env(self):
        return {
            "BENCH_COMMENT_FORM": urllib.parse.urlencode(self.fields),
            "BENCH_COMMENT_COOKIE": self.cookie,
        }


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def measure(args, server, targets, pages=PAGES):
    """Every page under load in turn, after a short warm-up; and the workers' memory after.

    Other work on the machine changes what it can serve from minute to minute, so
    each page is compared with the bare view loaded just before and just after it.
    """
    results = {}
    bare_url = server.base + "/bench/bare/"
    for page in pages:
        script, env = None, None
        if page == "comment":
            try:
                form = CommentForm(server, targets)
                form.check()
            except (RuntimeError, KeyError, ValueError, OSError) as problem:
                log(f"  comment   not measured: {problem}")
                results[page] = {"error": str(problem)}
                continue
            url, script, env = form.url, ROOT / "benchmarks" / "comment.lua", form.env()
        elif page == "bare":
            url = bare_url
        else:
            url = server.base + targets[page]
        wrk(args, url, script, env, duration=args.warmup)
        before = wrk(args, bare_url, duration=args.reference) if page != "bare" else None
        result = wrk(args, url, script, env)
        server.settle()
        if before is not None:
            after = wrk(args, bare_url, duration=args.reference)
            result["bare_rps"] = (before["rps"] + after["rps"]) / 2
        results[page] = result
        if result["bad"] or result["socket_errors"]:
            result["error"] = (
                f"{result['bad']} bad answers, {result['socket_errors']} socket errors"
            )
        log(report.progress_line(page, result, results.get("bare")))
    results["rss_mb"] = server.worker_rss_mb()
    log(f"  worker RSS after the load: {', '.join(f'{mb:.0f} MB' for mb in results['rss_mb'])}")
    return results


def serve_and_measure(args, env, targets, label, cached, port):
    server_env = {**env}
    if not cached:
        server_env["PAGE_CACHE_SECONDS"] = "0"
    redis = redis_available()
    if redis is not None:
        redis.flushdb()  # no page cached from another size or run
    log(f"Serving {label} ({'page cache on' if cached else 'PAGE_CACHE_SECONDS=0'})")
    with Server(server_env, port, label, args.workers) as server:
        results = measure(args, server, targets)
        if cached and "churn_slug" in targets:
            results["churn"] = scenarios.churn(args, server, env, targets, wrk, log)
            results["stampede"] = scenarios.stampede(server, env, targets, log)
            results["live"] = live.scenario(args, server, env, wrk, log)
            results["edge"] = edge.scenario(args, server, env, targets, wrk, log)
        return results


def base_environment(args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # plain http on 127.0.0.1; every other production setting stays
        "STATIC_ROOT": str(OUT / "static"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "TASKS_IN_PROCESS": "1",  # no worker beside the servers measured
        "LOG_LEVEL": "ERROR",
        # Posting as fast as wrk can: no wait before sending, no per-address limit
        # (every post comes from 127.0.0.1).
        "COMMENTS_MIN_SECONDS": "0",
        "COMMENTS_RATE_PER_IP": "0",
        "COMMENTS_RATE_PER_EMAIL": "0",
    }
    env.pop("PAGE_CACHE_SECONDS", None)
    if redis_available() is not None:
        env["REDIS_URL"], env["CACHE_KEY_PREFIX"] = REDIS_URL, "bench"
    else:
        env.pop("REDIS_URL", None)
    return env


def machine(server, env):
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    versions = subprocess.run(
        [
            PYTHON,
            "-c",
            "import django, gunicorn; print(django.get_version(), gunicorn.__version__)",
        ],
        capture_output=True,
        text=True,
        env=env,
    ).stdout.split()
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": f"{kb / 1024 / 1024:.0f} GiB",
        "python": platform.python_version(),
        "database": database_version(server),
        "django": versions[0] if versions else "?",
        "gunicorn": versions[1] if len(versions) > 1 else "?",
        "wrk": (wrk_version.stdout + wrk_version.stderr).split()[1],
        "cache": "Redis (" + REDIS_URL + ")" if "REDIS_URL" in env else "files (CACHE_DIR)",
    }


def explain(args, server, env, targets, output):
    if server is None:
        log("EXPLAIN plans need PostgreSQL: skipped on SQLite")
        return None
    log(f"EXPLAIN plans at {targets['articles']} articles -> {output}")
    explain_env = {
        **env,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "PAGE_CACHE_SECONDS": "0",
        # No page may hold the run up for long; a query cut short is still explained.
        "PGOPTIONS": f"-c statement_timeout={EXPLAIN_TIMEOUT_SECONDS * 1000}",
    }
    django(
        explain_env,
        "-m",
        "benchmarks.explain",
        f"--targets={json.dumps(targets)}",
        f"--output={output}",
    )
    return output


def main(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark the Newsroom site.")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--contributors", type=int, default=500)
    parser.add_argument("--scale", action="store_true", help="also measure at two sizes")
    parser.add_argument(
        "--scale-sizes", default="1000,100000", help="articles at the two sizes (comma-separated)"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per page")
    parser.add_argument(
        "--reference", type=int, default=3, help="seconds of bare view before and after each page"
    )
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--reuse", action="store_true", help="keep databases built before")
    parser.add_argument("--quiet", action="store_true", help="less output from the builder")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "results.md"))
    args = parser.parse_args(argv)

    OUT.mkdir(parents=True, exist_ok=True)
    if not wrk_installed():
        raise SystemExit("wrk is needed: apt-get install wrk")
    server = postgres_server()
    env = base_environment(args)
    info = machine(server, env)
    why = "DATABASE_URL is not PostgreSQL" if os.environ.get("DATABASE_URL") else "none answers"
    log(f"Database: {info['database']}" + ("" if server else f" (no PostgreSQL: {why})"))
    log(f"Cache: {info['cache']}")
    django(env, "manage.py", "collectstatic", "--noinput", "-v0")

    main_size = (args.articles, args.comments, args.contributors)
    db_env, targets = prepare(args, server, main_size, env)
    log(f"Pages: {json.dumps(targets)}")
    runs = {
        "cached": serve_and_measure(args, db_env, targets, "cached", True, FIRST_PORT),
        "uncached": serve_and_measure(args, db_env, targets, "uncached", False, FIRST_PORT + 1),
    }
    log("Profiling an uncached render of the article page")
    runs["profile"] = django(
        {**db_env, "ALLOWED_HOSTS": "127.0.0.1,testserver"},
        "-m",
        "benchmarks.profile",
        f"--url={targets['article']}",
        "--renders=200",
        capture_output=True,
        text=True,
    ).stdout

    scaling, explained = None, None
    if args.scale:
        small, large = (int(n) for n in args.scale_sizes.split(","))
        scaling = {"sizes": (small, large)}
        for port, articles in enumerate((small, large), start=FIRST_PORT + 2):
            per_article = args.comments / max(1, args.articles)
            size = (articles, round(articles * per_article), args.contributors)
            size_env, size_targets = prepare(args, server, size, env)
            scaling[articles] = {
                "targets": size_targets,
                "results": serve_and_measure(
                    args, size_env, size_targets, f"{articles}-articles", False, port
                ),
            }
        explained = explain(
            args, server, size_env, size_targets, Path(args.output).with_name("explain.md")
        )

    info["load_after"] = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    raw = {"info": info, "targets": targets, "runs": runs, "scaling": scaling}
    raw_file = OUT / (Path(args.output).stem + ".json")
    raw_file.write_text(json.dumps(raw, indent=2, default=str))
    text = report.results_markdown(args, info, targets, runs, scaling, explained, ROOT)
    Path(args.output).write_text(text)
    log()
    log(text)
    log(f"Written to {args.output}")


if __name__ == "__main__":
    main()
