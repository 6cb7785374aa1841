"""Turning wrk numbers into the lines printed during a run and into results.md."""

PAGE_NAMES = {
    "bare": "bare Django view (no database)",
    "home": "home",
    "article": "article",
    "section": "section",
    "search": "search",
    "feed": "feed (RSS)",
    "comment": "comment posting (POST)",
}
SCALED_PAGES = ["home", "article", "section", "search", "feed", "comment"]
TARGET_CACHED = 0.7  # article, home and section from the page cache
# Wagtail's news page measures 0.05–0.064 of bare on the same 2 cores.
TARGET_UNCACHED_ARTICLE = 0.06
TARGET_CHURN = 0.6  # the cached article while another story changes ten times a second
TARGET_CHURN_P99 = 2  # × its quiet p99
TARGET_SCALING = 1.3
TARGET_SEARCH_P99_MS = 100
TARGET_WORKER_MB = 120


def ratio(result, bare):
    """Requests/s as a share of the bare view's, loaded just before and after the page."""
    if not result or "rps" not in result:
        return None
    reference = result.get("bare_rps") or (bare or {}).get("rps")
    return result["rps"] / reference if reference else None


def ms(value):
    return "–" if value is None else f"{value:.1f}"


def progress_line(page, result, bare):
    share = ratio(result, bare)
    line = (
        f"  {page:<9} {result['rps']:8.1f} req/s  p50 {ms(result['p50']):>7} ms"
        f"  p99 {ms(result['p99']):>7} ms"
    )
    if share is not None and page != "bare":
        line += f"  {share:.3f} of bare"
    if result.get("error"):
        line += f"  ({result['error']})"
    return line


def cells(result, bare):
    if not result or "rps" not in result:
        reason = (result or {}).get("error", "not measured")
        return [f"not measured: {reason}", "", "", ""]
    share = ratio(result, bare)
    return [
        f"{result['rps']:.1f}",
        ms(result["p50"]),
        ms(result["p99"]),
        "1" if result is bare else (f"{share:.3f}" if share is not None else "–"),
    ]


def page_cost_ratio(page, small, large):
    small_share = ratio(small["results"].get(page), small["results"].get("bare"))
    large_share = ratio(large["results"].get(page), large["results"].get("bare"))
    if not small_share or not large_share:
        return None
    return small_share / large_share


def verdict(ok):
    if ok is None:
        return "not measured"
    return "met" if ok else "**not met**"


def targets_table(info, runs, scaling):
    rows = []
    for page in ("article", "home", "section"):
        cached = ratio(runs["cached"].get(page), runs["cached"].get("bare"))
        rows.append(
            (
                f"cached {page} ≥ {TARGET_CACHED} of bare",
                "–" if cached is None else f"{cached:.3f}",
                verdict(None if cached is None else cached >= TARGET_CACHED),
            )
        )
    rows += churn_rows(runs)
    rows += edge_rows(runs)
    rows += live_rows(runs)
    uncached = ratio(runs["uncached"].get("article"), runs["uncached"].get("bare"))
    rows.append(
        (
            f"uncached article ≥ {TARGET_UNCACHED_ARTICLE} of bare",
            "–" if uncached is None else f"{uncached:.3f}",
            verdict(None if uncached is None else uncached >= TARGET_UNCACHED_ARTICLE),
        )
    )
    memory = [mb for run in all_runs(runs, scaling) for mb in run.get("rss_mb", [])]
    rows.append(
        (
            f"each gunicorn worker < {TARGET_WORKER_MB} MB RSS after the load",
            f"largest {max(memory):.0f} MB" if memory else "–",
            verdict(max(memory) < TARGET_WORKER_MB if memory else None),
        )
    )
    if scaling:
        small, large = scaling["sizes"]
        for page in SCALED_PAGES:
            cost = page_cost_ratio(page, scaling[small], scaling[large])
            rows.append(
                (
                    f"{PAGE_NAMES[page]}: cost at {large:,} within {TARGET_SCALING}× of {small:,}",
                    "–" if cost is None else f"{cost:.2f}×",
                    verdict(None if cost is None else cost <= TARGET_SCALING),
                )
            )
        search = scaling[large]["results"].get("search", {})
        on_postgres = info["database"].startswith("PostgreSQL")
        p99 = search.get("p99")
        rows.append(
            (
                f"search p99 < {TARGET_SEARCH_P99_MS} ms at {large:,} articles on PostgreSQL",
                ms(p99) + " ms" + ("" if on_postgres else " (SQLite)"),
                verdict(p99 < TARGET_SEARCH_P99_MS if p99 is not None and on_postgres else None),
            )
        )
    lines = ["| target | measured | |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return lines


TARGET_LIVE = 0.5
TARGET_EDGE = 5  # × the bare Django view: the cached article answered by Varnish
TARGET_EDGE_CHURN = 4  # the same while another story is edited ten times a second


def edge_rows(runs):
    """The article through Varnish as shipped (benchmarks/edge.py)."""
    found = runs["cached"].get("edge") or {}
    if found.get("error"):
        return [("through Varnish", f"not measured: {found['error']}", verdict(None))]
    rows = []
    for name, what, target in (
        ("article", "cached article through Varnish", TARGET_EDGE),
        ("churn", "the same while another story is edited 10×/s", TARGET_EDGE_CHURN),
    ):
        result = found.get(name)
        share = ratio(result, None)
        if share is None:
            continue
        rows.append(
            (
                f"{what} ≥ {target}× bare",
                f"{share:.2f}× ({result['rps']:.0f} req/s, p99 {ms(result['p99'])} ms; "
                f"{result['origin_requests']} requests reached Django)",
                verdict(share >= target),
            )
        )
    return rows


def live_rows(runs):
    """A live story with 500 posts, 16 connections, a new post every 2 s (benchmarks/live.py)."""
    rows = []
    live = runs["cached"].get("live") or {}
    for name, what in (("updates", "its updates endpoint"), ("page", "its page")):
        result = live.get(name)
        if result and result.get("ratio") is not None:
            rows.append(
                (
                    f"live story, 500 posts, a post every 2 s: {what} ≥ {TARGET_LIVE} of bare "
                    "(16 connections)",
                    f"{result['ratio']:.3f} (p99 {result['p99']:.0f} ms)",
                    verdict(result["ratio"] >= TARGET_LIVE),
                )
            )
    return rows


def churn_rows(runs):
    rows = []
    churn, quiet = runs["cached"].get("churn"), runs["cached"].get("article") or {}
    if churn and "rps" in churn:
        share = ratio(churn, runs["cached"].get("bare"))
        rows.append(
            (
                f"cached article while another story changes 10×/s ≥ {TARGET_CHURN} of bare",
                f"{share:.3f}",
                verdict(share >= TARGET_CHURN),
            )
        )
        if quiet.get("p99") and churn.get("p99"):
            times = churn["p99"] / quiet["p99"]
            rows.append(
                (
                    f"… its p99 ≤ {TARGET_CHURN_P99}× the quiet p99",
                    f"{churn['p99']:.1f} ms, {times:.2f}×",
                    verdict(times <= TARGET_CHURN_P99),
                )
            )
    stampede = runs["cached"].get("stampede")
    uncached = (runs["uncached"].get("article") or {}).get("p50")
    if stampede:
        rows.append(
            (
                "16 readers right after a change to the story: rendered once",
                f"at most {stampede['renders']} render(s) in {len(stampede['rounds'])} rounds",
                verdict(stampede["renders"] == 1),
            )
        )
        if uncached:
            rows.append(
                (
                    "… the first of them answered no slower than an uncached page (p50)",
                    f"{stampede['first_ms']:.1f} ms against {uncached:.1f} ms",
                    verdict(stampede["first_ms"] <= uncached),
                )
            )
    return rows


def all_runs(runs, scaling):
    found = [run for run in runs.values() if isinstance(run, dict)]
    if scaling:
        found += [scaling[size]["results"] for size in scaling["sizes"]]
    return found


def explain_summary(path):
    if path is None or not path.exists():
        return []
    text = path.read_text()
    start = text.find("## Summary")
    end = text.find("\n## ", start + 1)
    if start < 0:
        return []
    body = text[start:end].split("\n", 1)[1].strip()
    return [body]


def results_markdown(args, info, targets, runs, scaling, explained, root):
    out = ["# Benchmark results", ""]
    out += [
        "Made by `make bench` (`benchmarks/run.py`); README.md, *Performance*, explains it.",
        "",
        "| machine | |",
        "|---|---|",
        f"| date | {info['date']} |",
        f"| CPU | {info['cpu']} |",
        f"| cores | {info['cores']} |",
        f"| memory | {info['memory']} |",
        f"| load average before the run (1, 5, 15 min) | {info['load']} |",
        f"| load average after the run | {info.get('load_after', '?')} |",
        f"| Python | {info['python']} |",
        f"| database | {info['database']} |",
        f"| cache | {info['cache']} |",
        f"| Django, gunicorn, wrk | {info['django']}, {info['gunicorn']}, {info['wrk']} |",
        "",
        f"gunicorn with {args.workers} sync workers, `DEBUG=0`, production settings over plain "
        f"http (`SECURE_SSL_REDIRECT=0`); wrk `-t{args.threads} -c{args.connections} "
        f"-d{args.duration}s` on each page after {args.warmup} s of warm-up, on the same "
        "2 cores as the server. Compare ratios, which come from one run, more than req/s.",
        "",
        f"## Pages at {targets['articles']:,} articles",
        "",
        f"{targets['published']:,} public articles, {targets['comments']:,} comments; the article "
        f"page has {targets['article_comments']} approved comments; the search "
        f"(`{targets['search'].split('=', 1)[1].replace('+', ' ')}`) matches "
        f"{targets['search_matches']:,} articles; comments are posted to another story, in a "
        "pre-moderated section, as new readers (each post waits for a moderator). "
        "*Cached*: the server as deployed; "
        "*uncached*: the same server with `PAGE_CACHE_SECONDS=0`. Latencies in ms; "
        "× bare is requests/s as a share of the bare view's on the same server, "
        f"loaded for {args.reference} s just before and just after the page (other work on the "
        "machine moves both alike).",
        "",
        "| page | cached req/s | p50 | p99 | × bare | uncached req/s | p50 | p99 | × bare |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page in ["bare", "home", "article", "section", "search", "feed", "comment"]:
        row = cells(runs["cached"].get(page), runs["cached"].get("bare"))
        row += cells(runs["uncached"].get(page), runs["uncached"].get("bare"))
        out.append(f"| {PAGE_NAMES[page]} | " + " | ".join(row) + " |")
    churn = runs["cached"].get("churn")
    if churn and "rps" in churn:
        row = cells(churn, runs["cached"].get("bare"))
        out.append(
            f"| article while another story is edited 10×/s ({churn['edits']} edits) | "
            + " | ".join(row)
            + " | | | | |"
        )
    out += ["", "## Targets", ""]
    out += targets_table(info, runs, scaling)
    if scaling:
        small, large = scaling["sizes"]
        out += [
            "",
            f"## Scaling: {small:,} and {large:,} articles (page cache off)",
            "",
            f"{COMMENTS_NOTE} Cost ratio: the page's time per request at {large:,} over "
            f"its time at {small:,}, each measured against the bare view of its own run "
            "(1.00 = no dearer).",
            "",
            f"| page | req/s at {small:,} | p99 | req/s at {large:,} | p99 | cost ratio |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for page in ["bare", *SCALED_PAGES]:
            a = scaling[small]["results"].get(page) or {}
            b = scaling[large]["results"].get(page) or {}
            cost = page_cost_ratio(page, scaling[small], scaling[large])
            out.append(
                f"| {PAGE_NAMES[page]} | {a.get('rps', 0):.1f} | {ms(a.get('p99'))} | "
                f"{b.get('rps', 0):.1f} | {ms(b.get('p99'))} | "
                + ("–" if page == "bare" or cost is None else f"{cost:.2f}×")
                + " |"
            )
        for size in (small, large):
            found = scaling[size]["targets"]
            out.append("")
            out.append(
                f"At {size:,}: {found['published']:,} public articles, {found['comments']:,} "
                f"comments, article page with {found['article_comments']} approved comments, "
                f"search matching {found['search_matches']:,}."
            )
    if runs.get("profile"):
        out += ["", "## Profile of an uncached article render (`benchmarks/profile.py`)", ""]
        profile = runs["profile"].split("\n## By tottime")[0].strip()
        out.append(profile.replace("## ", "### ", 1))  # a part of this section
    out += ["", "## Worker memory (RSS from /proc after the load)", ""]
    named = [("cached", runs["cached"]), ("uncached", runs["uncached"])]
    if scaling:
        named += [(f"{size:,} articles", scaling[size]["results"]) for size in scaling["sizes"]]
    for label, run in named:
        sizes = ", ".join(f"{mb:.0f} MB" for mb in run.get("rss_mb", []))
        out.append(f"- {label}: {sizes}")
    if explained:
        out += ["", "## Query plans", "", f"In `{explained.resolve().relative_to(root)}`.", ""]
        out += explain_summary(explained)
    out.append("")
    return "\n".join(out)


COMMENTS_NOTE = "The same number of comments per article at both sizes."
