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
