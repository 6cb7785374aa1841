"""
The cached server behind Varnish as shipped (deploy/varnish/default.vcl): the article
page answered by the edge, quiet and while another story is edited ten times a second,
with the requests that reached Django counted (varnishstat's MAIN.backend_req).
"""

import subprocess
import sys
import time
import urllib.request

from benchmarks import report
from benchmarks.varnish import VARNISHD, Edge


def scenario(args, server, env, targets, wrk, log):
    if VARNISHD is None:
        log("  edge      not measured: varnishd is not installed (apt-get install varnish)")
        return {"error": "varnishd is not installed"}
    edge = Edge(server.port, memory="256m").start()
    try:
        url = edge.url + targets["article"]
        for _ in range(2):  # the second answer comes from the edge
            urllib.request.urlopen(url, timeout=30).read()
        results = {"article": _measured(args, server, edge, url, wrk)}
        log(report.progress_line("edge", results["article"], None) + _origin(results["article"]))
        results["churn"] = _while_edited(args, server, edge, url, env, targets, wrk)
        log(report.progress_line("edge+edit", results["churn"], None) + _origin(results["churn"]))
        return results
    finally:
        edge.stop()


def _measured(args, server, edge, url, wrk):
    bare = server.base + "/bench/bare/"
    before = wrk(args, bare, duration=args.reference)
    wrk(args, url, duration=args.warmup)
    origin = edge.stat("MAIN.backend_req").get("MAIN.backend_req", 0)
    result = wrk(args, url)
    result["origin_requests"] = edge.stat("MAIN.backend_req").get("MAIN.backend_req", 0) - origin
    after = wrk(args, bare, duration=args.reference)
    result["bare_rps"] = (before["rps"] + after["rps"]) / 2
    return result


def _while_edited(args, server, edge, url, env, targets, wrk):
    seconds = args.reference * 2 + args.warmup + args.duration + 4
    editor = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.churn", f"--slug={targets['churn_slug']}"]
        + ["--rate=10", f"--seconds={seconds}"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(1)
        result = _measured(args, server, edge, url, wrk)
    finally:
        edits = editor.communicate(timeout=seconds + 60)[0].strip()
    result["edits"] = int(edits or 0)
    return result


def _origin(result):
    return f"  ({result.get('origin_requests', '?')} requests reached Django)"
