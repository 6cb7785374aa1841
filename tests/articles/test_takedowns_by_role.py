"""
Withdrawn and renamed stories, asked for by every role: the public site answers the
newsroom as it answers readers, and only the preview shows a withdrawn story to staff.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.roles import ROLES, client_for, table

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_passwords")]

# Public surfaces of withdrawn and renamed stories, asked by each role on the public site:
# a kill notice and an old address answer everyone alike; a story readers never saw is
# "not found" whoever asks (only the preview, a staff tool, shows it to the newsroom).
TAKEDOWNS = table("""
surface              reporter  translator  editor  moderator  superuser
gone-page            410       410         410     410        410
gone-ninjs           200       200         200     200        200
never-seen-page      404       404         404     404        404
never-seen-ninjs     404       404         404     404        404
never-seen-old-slug  404       404         404     404        404
old-slug             301       301         301     301        301
old-slug-ninjs       301       301         301     301        301
gone-preview         200       200         200     403        200
""")


# Withdrawn and renamed stories


@pytest.fixture
def takedowns(people, make_article):
    editor = people["editor"]
    gone = make_article(headline="Gone story", slug="gone")
    gone.publish(editor)
    gone.withdraw(editor, "Legal")
    never_seen = make_article(
        headline="Never seen", slug="never-seen", embargo_until=timezone.now() + timedelta(hours=2)
    )
    never_seen.publish(editor)
    never_seen.slug = "never-seen-renamed"
    never_seen.save()
    never_seen.withdraw(editor, "Legal")
    moved = make_article(headline="Moved story", slug="moved")
    moved.publish(editor)
    moved.slug = "moved-here"
    moved.save()
    return {
        "gone-page": "/articles/gone/",
        "gone-ninjs": "/articles/gone/ninjs.json",
        "never-seen-page": "/articles/never-seen-renamed/",
        "never-seen-ninjs": "/articles/never-seen-renamed/ninjs.json",
        "never-seen-old-slug": "/articles/never-seen/",
        "old-slug": "/articles/moved/",
        "old-slug-ninjs": "/articles/moved/ninjs.json",
        "gone-preview": reverse("articles:preview", args=[gone.pk]),
    }


def surface_statuses(client, urls):
    found = {}
    for surface, url in urls.items():
        response = client.get(url)
        found[surface] = str(response.status_code)
        if surface in ("gone-page", "gone-ninjs"):
            assert "Gone story" not in response.content.decode()
    return found


@pytest.mark.parametrize("role", ROLES)
def test_takedown_surfaces(role, people, takedowns):
    found = surface_statuses(client_for(people[role]), takedowns)
    assert found == {surface: rights[role] for surface, rights in TAKEDOWNS.items()}


def test_takedown_surfaces_for_readers(client, takedowns):
    expected = {surface: rights["superuser"] for surface, rights in TAKEDOWNS.items()}
    expected["gone-preview"] = "302"  # to the login page
    assert surface_statuses(client, takedowns) == expected
