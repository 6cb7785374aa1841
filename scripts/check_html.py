"""
Render every kind of public page from the demo newsroom and validate them with
the Nu HTML Checker (vnu.jar, from the vnu-jar npm package; needs Java).

Runs against a throwaway SQLite database and media folder, so it never touches
the development data. Exit status 1 when the checker reports an error.
"""

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VNU_JAR = BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

PAGES = {
    "home": "/",
    "home-page-2": "/?page=1",
    "section": "/section/europe/",
    "contributor": "/contributor/guy-faulconbridge/",
    "article-with-image-and-correction": "/articles/nordic-central-banks-hold-rates/",
    "article-with-translation": "/articles/former-wagner-commander-asks-norway-for-asylum/",
    "article-translation": "/articles/un-ancien-commandant-de-wagner-demande-l-asile-en-norvege/",
    "article-without-image": "/articles/city-court-hears-first-day-of-harbour-fraud-trial/",
    "search-results": "/search/?q=Norway",
    "search-nothing-found": "/search/?q=xyzzy",
    "search-empty": "/search/",
    "withdrawn-410": "/articles/festival-opens-with-silent-film-and-live-orchestra/",
    "not-found-404": "/no-such-page/",
}


def render_pages(out_dir):
    work = Path(tempfile.mkdtemp(prefix="newsroom-check-html-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'db.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(work / "media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    sys.path.insert(0, str(BASE_DIR))

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    from articles.models import Article

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    Article.objects.filter(slug="festival-opens-with-silent-film-and-live-orchestra").update(
        status=Article.Status.WITHDRAWN
    )

    client = Client()
    files = []
    with override_settings(DEBUG=False):
        for name, url in PAGES.items():
            response = client.get(url)
            print(f"{response.status_code} {url}")
            path = out_dir / f"{name}.html"
            path.write_bytes(response.content)
            files.append(path)
    return files


def main():
    if not VNU_JAR.exists():
        sys.exit(f"{VNU_JAR} is missing: run `npm install vnu-jar` (make check-html does).")
    out_dir = Path(tempfile.mkdtemp(prefix="newsroom-pages-"))
    files = render_pages(out_dir)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *map(str, files)],
        check=False,
    )
    if result.returncode == 0:
        print(f"Nu HTML Checker: no errors in {len(files)} pages.")
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
