"""
The admin as each role sees it, for the browser checks: logging in, the pages
worth checking, and whether a page scrolls sideways at the width it is shown.
"""

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def log_in(page, base_url, username, password):
    """Sign in through the admin's login form; the desk opens."""
    page.goto(f"{base_url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def sideways_overflow(page):
    """How many pixels wider than the window the page is (0: no sideways scrolling)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def wait_until_settled(page):
    """Scripts have run (the admin's search boxes, the credit preview)."""
    page.wait_for_load_state("networkidle")
