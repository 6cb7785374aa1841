"""
Addresses and parameters nobody types by accident: each gets a clear answer (a 4xx with
a message, or a page without the bad part), never a 500, on SQLite and PostgreSQL alike.
"""

import pytest
from django.test import Client

from tests.factories import contributor

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775807"


@pytest.fixture
def client():
    # The outside world sees a 500 page, not an exception.
    return Client(raise_request_exception=False)


@pytest.fixture
def newsroom(publish):
    contributor("Ann One")
    return publish(headline="Harbour strike ends", slug="harbour")


@pytest.mark.parametrize("path", ["/", "/section/world/", "/contributor/ann-one/", "/search/"])
@pytest.mark.parametrize("page", [HUGE, "99999999999999999999999", "107374183"])
def test_a_page_number_beyond_any_archive_is_not_found(client, newsroom, path, page):
    response = client.get(path, {"page": page, "q": "harbour"})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=%00",
        "/search/?q=harbour%00strike",
        "/?page=%00",
        "/admin/articles/article/?q=%00",
        "/admin/articles/article/?status=%00",
        "/admin/articles/article/?%00=1",
        "/admin/autocomplete/?app_label=articles&model_name=article&field_name=translation_of"
        "&term=%00",
        "/admin/comments/comment/?q=a%00",
    ],
)
def test_a_nul_character_in_the_address_is_refused_with_a_reason(client, editor, newsroom, url):
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 400
    assert "contains a NUL character" in response.content.decode()


@pytest.mark.parametrize(
    "drill_down",
    [
        "publish_at__year=99999999999",
        "publish_at__year=9999",
        "publish_at__year=2026&publish_at__month=99999999999",
        "publish_at__year=2026&publish_at__month=2&publish_at__day=30",
        "publish_at__month=99999999999",
        "publish_at__year=-5",
        "publish_at__year=twenty",
    ],
)
def test_the_article_list_drilled_down_to_no_date_says_so(client, editor, newsroom, drill_down):
    client.force_login(editor)
    response = client.get(f"/admin/articles/article/?status__exact=published&{drill_down}")
    assert response.status_code == 302
    assert response["Location"] == "/admin/articles/article/?status__exact=published"
    page = client.get(response["Location"]).content.decode()
    assert "There is no date" in page and "Harbour strike ends" in page


def test_a_real_date_still_drills_down(client, editor, newsroom):
    client.force_login(editor)
    year = newsroom.publish_at.year
    response = client.get(f"/admin/articles/article/?publish_at__year={year}")
    assert response.status_code == 200 and "Harbour strike ends" in response.content.decode()
