"""
What a newsroom does to its cache while readers read, measured on the cached server:

- *churn*: the cached article under load while another story is edited ten times
  a second (each edit ends the pages showing that story, not this one);
- *stampede*: the article's own story changes and 16 readers ask for its page at
  once: how many of them render it, and how long the first waits.
"""

import subprocess
import sys
import threading
import time
import urllib.request

from benchmarks import report

READERS = 16
STAMPEDE_ROUNDS = 5


def churn(args, server, env, targets, wrk, log):
    url = server.base + targets["article"]
    editor = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.churn",
            f"--slug={targets['churn_slug']}",
            "--rate=10",
            f"--seconds={args.warmup + args.duration + 2}",
        ],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(1)
        wrk(args, url, duration=args.warmup)
        result = wrk(args, url)
    finally:
        edits = editor.communicate(timeout=args.duration + 60)[0].strip()
    server.settle()
    result["edits"] = int(edits or 0)
    after = wrk(args, server.base + "/bench/bare/", duration=args.reference)
    result["bare_rps"] = after["rps"]
    log(report.progress_line("churn", result, None) + f"  ({result['edits']} edits)")
    return result


def stampede(server, env, targets, log):
    """Each round: the story changes, then 16 readers at once; renders and first answer."""
    url = server.base + targets["article"]
    rounds = []
    for _ in range(STAMPEDE_ROUNDS):
        for _ in range(2):
            _get(url)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.churn",
                f"--slug={targets['article_slug']}",
                "--count=1",
                "--rate=100",
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        answers, start = [], threading.Barrier(READERS)
        readers = [
            threading.Thread(target=_read_together, args=(url, start, answers))
            for _ in range(READERS)
        ]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join()
        renders = sum(1 for source, _ in answers if source == "miss")
        rounds.append(
            {
                "renders": renders,
                "first_ms": min(ms for _, ms in answers),
                "last_ms": max(ms for _, ms in answers),
            }
        )
    result = {
        "renders": max(r["renders"] for r in rounds),
        "first_ms": sorted(r["first_ms"] for r in rounds)[len(rounds) // 2],
        "last_ms": sorted(r["last_ms"] for r in rounds)[len(rounds) // 2],
        "rounds": rounds,
    }
    log(
        f"  stampede  {READERS} readers after a change: at most {result['renders']} render(s), "
        f"first answer {result['first_ms']:.1f} ms, last {result['last_ms']:.1f} ms (median)"
    )
    return result


def _read_together(url, start, answers):
    start.wait()
    began = time.monotonic()
    source = _get(url)
    answers.append((source, (time.monotonic() - began) * 1000))


def _get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        return response.headers.get("X-Page-Cache", "")
