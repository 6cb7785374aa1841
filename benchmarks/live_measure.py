"""
The live story scenario of benchmarks/live.py on its own, without building the benchmark
newsroom: a fresh database (SQLite under benchmarks/out/, or DATABASE_URL) served by
gunicorn in production settings, with Redis when one answers (BENCH_REDIS_URL).

    python -m benchmarks.live_measure [--duration 10] [--workers 2]
"""

import argparse
import json

from benchmarks import live, run


def main(argv=None):
    """Serve a fresh database with gunicorn and run the scenario on it."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--reference", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--connections", type=int, default=live.CONNECTIONS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=run.FIRST_PORT + 10)
    args = parser.parse_args(argv)
    run.OUT.mkdir(parents=True, exist_ok=True)
    env = run.base_environment(args)
    env.setdefault("DATABASE_URL", f"sqlite:///{run.OUT / 'live.sqlite3'}")
    run.django(env, "manage.py", "migrate", "--noinput", "-v0")
    run.django(env, "manage.py", "collectstatic", "--noinput", "-v0")
    redis = run.redis_available()
    if redis is not None:
        redis.flushdb()
    run.log(f"Database: {env['DATABASE_URL']}; cache: {env.get('REDIS_URL', 'files')}")
    with run.Server(env, args.port, "live", args.workers) as server:
        results = live.scenario(args, server, env, run.wrk, run.log)
    print(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
