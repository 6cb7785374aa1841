"""
Serve the demo newsroom and check every kind of public page in two ways:
the Nu HTML Checker (vnu.jar from the vnu-jar npm package; needs Java) must
report no error, and axe-core in headless Chromium (Playwright, Debian's
/usr/bin/chromium) must find no serious or critical accessibility violation.
Then the admin's pages (the background work's lists too), signed in as each role,
in its light and dark themes: axe-core again, and none may scroll sideways in a
1280 px wide window (a screenshot of each is kept).

Runs against a throwaway SQLite database and media folder, so it never touches
the development data. Exit status 1 when any check fails.
"""

import io
import logging
import os
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
import warnings
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VNU_JAR = BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PORTS = range(int(os.environ.get("CHECK_HTML_PORT", 8310)), 8330)
# More published stories than one page of a list holds, so the second pages exist.
EXTRA_STORIES = 22
EXTRA_STORIES_SECTION = "culture"

sys.path.insert(0, str(BASE_DIR))


def pages(reply_to, confirm_links):
    """(name, path, expected status) of each kind of public page."""
    article = "/articles/{}/".format
    return [
        ("home", "/", 200),
        ("home-page-2", "/?page=2", 200),
        ("section-world-nothing-published", "/section/world/", 200),
        ("section-europe", "/section/europe/", 200),
        ("section-business", "/section/business/", 200),
        ("section-courts", "/section/courts/", 200),
        ("section-culture", "/section/culture/", 200),
        ("section-culture-page-2", "/section/culture/?page=2", 200),
        ("article-seed-credits", article("former-wagner-commander-asks-norway-for-asylum"), 200),
        (
            "article-french-translation",
            article("un-ancien-commandant-de-wagner-demande-l-asile-en-norvege"),
            200,
        ),
        ("article-comments-and-correction", article("nordic-central-banks-hold-rates"), 200),
        (
            "article-comment-reply-form",
            article("nordic-central-banks-hold-rates") + f"?reply_to={reply_to}",
            200,
        ),
        ("article-no-image", article("city-court-hears-first-day-of-harbour-fraud-trial"), 200),
        ("article-live", article("storm-ingrid-live"), 200),
        (
            "article-live-older-posts",
            article("storm-ingrid-live") + f"?before={live_cursor()}",
            200,
        ),
        ("contributor-wire", "/contributor/guy-faulconbridge/", 200),
        ("contributor-staff", "/contributor/rafael-reporter/", 200),
        ("contributor-photographer", "/contributor/petra-lindqvist/", 200),
        ("contributor-profile-links", "/contributor/gwladys-fouche/", 200),
        ("contributor-profile-french", "/fr/contributor/guy-faulconbridge/", 200),
        ("topic", "/topic/nordic-countries/", 200),
        ("topic-french", "/fr/topic/harbour/", 200),
        ("topic-not-found-404", "/topic/no-such-topic/", 404),
        ("home-french", "/fr/", 200),
        ("section-french", "/fr/section/business/", 200),
        ("search-french", "/fr/search/?q=Norv%C3%A8ge", 200),
        ("search-results", "/search/?q=Norway", 200),
        ("search-nothing-found", "/search/?q=xyzzy", 200),
        ("search-without-query", "/search/", 200),
        ("corrections", "/corrections/", 200),
        ("not-found-404", "/no-such-page/", 404),
        ("article-not-found-404", article("no-such-story"), 404),
        ("withdrawn-410", article("mayor-resigns-report-withdrawn"), 410),
        ("comment-confirm", confirm_links["waiting"], 200),
        ("comment-confirmed", confirm_links["confirmed"], 200),
        ("comment-confirm-broken-400", "/comments/confirm/not-a-link/", 400),
        ("bad-request-400", "/search/?q=%00", 400),
    ]


def live_cursor():
    """Where the demo live story's older posts begin: after its ten newest."""
    from live.models import LivePost

    return LivePost.objects.filter(article__slug="storm-ingrid-live").visible()[9].cursor


def admin_pages():
    """(role, name, path) of the admin's pages, as the role that works on each sees it."""
    from reversion.models import Version

    from articles.models import Article, Contributor, CreditStyle
    from comments.models import Comment
    from library.models import LibraryImage

    article = Article.objects.get
    four_credits = article(slug="former-wagner-commander-asks-norway-for-asylum").pk
    in_review = article(slug="ports-strike-talks-resume").pk
    own_draft = article(slug="draft-budget-explainer").pk
    live = article(slug="storm-ingrid-live").pk
    waiting = Comment.objects.pending().order_by("pk").first().pk
    picture = LibraryImage.objects.order_by("pk").first().pk
    profile = Contributor.objects.get(slug="gwladys-fouche").pk
    history = f"/admin/articles/article/{four_credits}/history/"
    newer, older = Version.objects.get_for_model(Article).filter(object_id=four_credits)[:2]
    compare = f"{history}compare/?version_id1={older.pk}&version_id2={newer.pk}"
    style = CreditStyle.objects.order_by("pk").first().pk
    return [
        ("editor", "admin-history", history),
        ("editor", "admin-history-compare", compare),
        ("editor", "admin-credit-style", f"/admin/articles/creditstyle/{style}/change/"),
        ("translator", "admin-article-read-only", f"/admin/articles/article/{four_credits}/"),
        ("editor", "admin-picture-chooser", "/admin/library/libraryimage/chooser/"),
        ("editor", "admin-desk-editor", "/admin/"),
        ("editor", "admin-article-list", "/admin/articles/article/"),
        ("editor", "admin-article-four-credits", f"/admin/articles/article/{four_credits}/change/"),
        ("editor", "admin-article-new", "/admin/articles/article/add/"),
        ("editor", "admin-article-live", f"/admin/articles/article/{live}/change/"),
        ("editor", "admin-publish-page", f"/admin/articles/article/{in_review}/workflow/publish/"),
        ("editor", "admin-notices", "/admin/desk/notice/"),
        ("editor", "admin-media-library", "/admin/library/libraryimage/"),
        ("editor", "admin-library-picture", f"/admin/library/libraryimage/{picture}/change/"),
        ("reporter", "admin-library-new-picture", "/admin/library/libraryimage/add/"),
        ("editor", "admin-notification-settings", "/admin/desk/settings/"),
        ("editor", "admin-pinned-stories", "/admin/articles/frontpageslot/"),
        ("editor", "admin-breaking-news-new", "/admin/articles/breakingnews/add/"),
        ("editor", "admin-topics", "/admin/articles/topic/"),
        ("editor", "admin-contributor-profile", f"/admin/articles/contributor/{profile}/change/"),
        ("reporter", "admin-desk-reporter", "/admin/"),
        ("reporter", "admin-article-list-reporter", "/admin/articles/article/?mine=1"),
        (
            "reporter",
            "admin-article-reporter-draft",
            f"/admin/articles/article/{own_draft}/change/",
        ),
        ("reporter", "admin-article-live-reporter", f"/admin/articles/article/{live}/change/"),
        ("translator", "admin-desk-translator", "/admin/"),
        ("moderator", "admin-desk-moderator", "/admin/"),
        ("moderator", "admin-comment-queue", "/admin/comments/comment/"),
        ("moderator", "admin-comment-page", f"/admin/comments/comment/{waiting}/change/"),
        ("editor", "admin-wire-inbox", "/admin/wire/inboxfile/"),
        ("admin", "admin-outgoing-mail", "/admin/jobs/outgoingmail/"),
        ("admin", "admin-failed-tasks", "/admin/jobs/failedtask/"),
    ]


def set_up_newsroom():
    """A fresh database with the demo newsroom and enough stories for second pages."""
    work = Path(tempfile.mkdtemp(prefix="newsroom-check-html-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'db.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(work / "media")
    os.environ["CACHE_DIR"] = str(work / "cache")
    os.environ["DEBUG"] = "1"  # the development settings; pages are served with DEBUG off below
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("CELERY_BROKER_URL", None)  # background tasks run in-process
    warnings.filterwarnings("ignore", "No directory at", UserWarning)  # no collectstatic here
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"

    import django

    django.setup()
    import sample_rows  # beside this script
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.utils import timezone

    from articles.models import Article, Section
    from comments.models import Comment, Confirmation

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    editor = User.objects.get(username="editor")
    section = Section.objects.get(slug=EXTRA_STORIES_SECTION)
    for number in range(1, EXTRA_STORIES + 1):
        article = Article.objects.create(
            slug=f"arts-briefing-{number}",
            headline=f"Arts briefing, part {number}",
            standfirst="Openings, closings and prizes.",
            section=section,
            language="en",
            body="<p>Galleries across the city announced their programmes.</p>",
            created_by=editor,
        )
        article.submit(editor)
        article.publish(editor)
        past = timezone.now() - timedelta(days=3, minutes=number)
        article.publish_at, article.first_published_at = past, None  # as if published then
        article.save(update_fields=["publish_at", "first_published_at"])
    sample_rows.add_waiting_comments()
    sample_rows.add_background_work()
    sample_rows.add_unsaved_changes()
    sample_rows.add_history()
    waiting = Comment.objects.pending().first()
    links = {
        "waiting": Confirmation.objects.create(email=waiting.email, comment=waiting),
        "confirmed": Confirmation.objects.create(
            email="reader@example.org",
            comment=Comment.objects.approved().first(),
            confirmed_at=timezone.now(),
        ),
    }
    confirm_links = {name: f"/comments/confirm/{c.token}/" for name, c in links.items()}
    return Comment.objects.approved().filter(parent=None).first().pk, confirm_links


def serve():
    """Serve the site from a thread, as production would answer: DEBUG off."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application
    from django.test.utils import override_settings

    # Imported while DEBUG is still on, so that uploaded images are served as in development.
    import newsroom.urls  # noqa: F401

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format, *args):
            pass

    override_settings(DEBUG=False).enable()
    for port in PORTS:
        try:
            server = ThreadedWSGIServer(("127.0.0.1", port), QuietHandler)
            break
        except OSError:
            continue
    else:
        sys.exit(f"No free port in {PORTS.start}-{PORTS.stop - 1}.")
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    logging.getLogger("django.request").setLevel(logging.ERROR)  # 400, 404s, 410: expected
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}"


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def check_accessibility(base_url, page_list):
    """axe-core on each page in Chromium; returns the number of pages that fail."""
    from playwright.sync_api import sync_playwright

    from e2e.browser import axe_violations, blocking, describe, launch, new_context

    failures = 0
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = new_context(browser)
        page = context.new_page()
        for name, path, expected in page_list:
            response = page.goto(base_url + path)
            violations = axe_violations(page)
            serious = blocking(violations)
            lesser = sorted({f"{v['id']} ({v['impact']})" for v in violations if v not in serious})
            status = "ok" if not serious and response.status == expected else "FAIL"
            print(f"axe {status:4} {name}: {len(serious)} serious/critical", end="")
            print(f"; lesser: {', '.join(lesser)}" if lesser else "")
            if response.status != expected:
                print(f"  answered {response.status}, expected {expected}")
            if serious:
                print(describe(serious))
            failures += status == "FAIL"
        browser.close()
    return failures


def check_admin(base_url, page_list, out_dir):
    """axe-core and the sideways-scrolling check on each admin page; returns the failures."""
    from playwright.sync_api import sync_playwright

    from demo.management.commands.load_demo import DEMO_PASSWORD
    from e2e.admin_pages import DESKTOP, log_in, sideways_overflow, wait_until_settled
    from e2e.browser import axe_violations, blocking, describe, launch, new_context

    failures = 0
    roles = dict.fromkeys(role for role, _, _ in page_list)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        # The admin follows the system's dark theme: both must be readable.
        for role, scheme in ((role, scheme) for scheme in ("light", "dark") for role in roles):
            context = new_context(browser, viewport=DESKTOP, color_scheme=scheme)
            page = context.new_page()
            log_in(page, base_url, role, DEMO_PASSWORD)
            for _, page_name, path in (entry for entry in page_list if entry[0] == role):
                name = page_name if scheme == "light" else f"{page_name}-dark"
                response = page.goto(base_url + path)
                wait_until_settled(page)
                violations = axe_violations(page)
                serious = blocking(violations)
                lesser = sorted({f"{v['id']} ({v['impact']})" for v in violations})
                overflow = sideways_overflow(page)
                page.screenshot(path=out_dir / f"{name}.png", full_page=True)
                wrong = response.status != 200 or serious or overflow > 0
                print(f"admin {'FAIL' if wrong else 'ok':4} {name} as {role}: ", end="")
                print(f"{len(serious)} serious/critical, {max(overflow, 0)} px sideways", end="")
                print(f"; lesser: {', '.join(lesser)}" if lesser and not serious else "")
                if response.status != 200:
                    print(f"  answered {response.status}")
                if serious:
                    print(describe(serious))
                failures += bool(wrong)
            context.close()
        browser.close()
    return failures


def check_validity(files):
    """The Nu HTML Checker on the saved pages; returns its exit status."""
    return subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *map(str, files)],
        check=False,
    ).returncode


def main():
    if not VNU_JAR.exists():
        sys.exit(f"{VNU_JAR} is missing: run `npm ci` (make check-html does).")
    reply_to, confirm_links = set_up_newsroom()
    base_url = serve()
    page_list = pages(reply_to, confirm_links)

    out_dir = Path(tempfile.mkdtemp(prefix="newsroom-pages-"))
    files, wrong_status = [], 0
    for name, path, expected in page_list:
        status, body = fetch(base_url + path)
        print(f"{status} {path}" + ("" if status == expected else f"  (expected {expected})"))
        wrong_status += status != expected
        files.append(out_dir / f"{name}.html")
        files[-1].write_bytes(body)

    invalid = check_validity(files)
    print(
        f"Nu HTML Checker: {'errors above' if invalid else 'no errors'} in {len(files)} pages "
        f"(saved in {out_dir})."
    )
    inaccessible = check_accessibility(base_url, page_list)
    print(
        f"axe-core: {inaccessible or 'no'} page(s) with serious or critical violations "
        f"out of {len(page_list)}."
    )
    admin_list = admin_pages()
    admin_failures = check_admin(base_url, admin_list, out_dir)
    print(
        f"Admin: {admin_failures or 'no'} page(s) failing out of {2 * len(admin_list)} "
        f"(screenshots in {out_dir})."
    )
    sys.exit(1 if invalid or inaccessible or wrong_status or admin_failures else 0)


if __name__ == "__main__":
    main()
