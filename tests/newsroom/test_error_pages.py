"""Error pages render without the request's host: a forged Host header gets a 400, never a 500."""

import pytest
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import get_resolver

pytestmark = pytest.mark.django_db

FORGED = "evil.example"


@pytest.fixture(autouse=True)
def one_host(settings):
    settings.ALLOWED_HOSTS = ["news.example.org"]


@pytest.mark.parametrize("method", ["get", "post", "head"])
@pytest.mark.parametrize("path", ["/", "/fr/", "/articles/no-such-story/", "/admin/", "/search/"])
def test_a_forged_host_gets_the_bad_request_page(path, method):
    client = Client(raise_request_exception=False)
    response = getattr(client, method)(path, HTTP_HOST=FORGED)
    assert response.status_code == 400
    if method == "get":
        page = response.content.decode()
        assert 'content="noindex"' in page and FORGED not in page


@pytest.mark.parametrize(
    "status, error",
    [
        (400, BadRequest("No.")),
        (403, PermissionDenied()),
        (404, Http404()),
        (500, None),
    ],
)
def test_every_error_handler_renders_for_a_request_with_a_forged_host(status, error):
    request = RequestFactory().get("/articles/somewhere/", HTTP_HOST=FORGED)
    handler = get_resolver().resolve_error_handler(status)
    response = handler(request) if error is None else handler(request, error)
    assert response.status_code == status
    assert FORGED not in response.content.decode()


def test_the_error_pages_still_name_the_readers_host_when_it_is_allowed(client):
    response = client.get("/articles/no-such-story/", HTTP_HOST="news.example.org")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
