"""
Debian's Chromium driven by Playwright, and axe-core accessibility checks in it.

Shared by the end-to-end journeys (e2e/) and `make check-html`. The browser is
the system's (/usr/bin/chromium from Debian), never one Playwright downloads.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
# Violations of these impacts fail a check; moderate and minor ones are only listed.
BLOCKING_IMPACTS = ("serious", "critical")


def launch(playwright):
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does).")
    if not AXE_JS.exists():
        raise SystemExit(f"{AXE_JS} is missing: run `npm ci` (the make targets do).")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def new_context(browser, **options):
    # The site's Content-Security-Policy forbids scripts it did not send, axe-core included.
    return browser.new_context(bypass_csp=True, **options)


def axe_violations(page):
    """Every axe-core violation on the page as it is now (WCAG 2 A/AA and best practices)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def blocking(violations):
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"      at {' '.join(map(str, node['target']))}")
    return "\n".join(lines)


def assert_accessible(page):
    """Fail when axe-core finds a serious or critical violation on the page."""
    found = blocking(axe_violations(page))
    assert not found, f"axe-core on {page.url}:\n{describe(found)}"
