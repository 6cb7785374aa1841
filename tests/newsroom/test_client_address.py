"""
The reader's address behind load balancers: read from X-Forwarded-For only through
trusted proxies, and used by every limit that counts per address.
"""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import reverse

from comments.models import Comment
from newsroom.clientip import client_ip, network_of
from newsroom.settings import trusted_proxies
from tests.factories import add_comment, form_data

BALANCER = "10.0.0.2"


def address(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXY_NETWORKS = 1, []


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXY_NETWORKS = 0, []
    assert address("198.51.100.7", "203.0.113.9") == "198.51.100.7"


def test_a_count_of_proxies_takes_the_address_the_outermost_one_saw(settings):
    settings.TRUSTED_PROXY_NETWORKS = []
    settings.TRUSTED_PROXY_COUNT = 1
    # A reader may write anything to the left; the balancer appends what it saw.
    assert address(BALANCER, "1.1.1.1, 203.0.113.9") == "203.0.113.9"
    assert address(BALANCER) == BALANCER
    settings.TRUSTED_PROXY_COUNT = 2
    assert address(BALANCER, "1.1.1.1, 203.0.113.9, 10.0.0.7") == "203.0.113.9"


def test_trusted_networks_are_skipped_whatever_their_number(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.TRUSTED_PROXY_NETWORKS = ["10.0.0.0/8", "2001:db8:ffff::/48"]
    assert address(BALANCER, "1.1.1.1, 203.0.113.9, 10.1.2.3") == "203.0.113.9"
    assert address("2001:db8:ffff::1", "[2001:db8:1::5]:443") == "2001:db8:1::5"
    # Not from a trusted proxy: the header is the sender's word only.
    assert address("198.51.100.7", "203.0.113.9") == "198.51.100.7"


def test_what_is_not_an_address_is_believed_no_further(one_proxy):
    assert address(BALANCER, "1.1.1.1, <script>") == BALANCER
    assert address(BALANCER, "203.0.113.9:5150") == "203.0.113.9"
    assert address(BALANCER, "::ffff:203.0.113.9") == "203.0.113.9"
    assert address("not an address") is None


def test_networks_are_a_slash_24_or_a_slash_64():
    assert str(network_of("203.0.113.9")) == "203.0.113.0/24"
    assert str(network_of("2001:db8:1:2:3::5")) == "2001:db8:1:2::/64"
    assert network_of("") is None


def test_the_setting_takes_a_number_or_networks_and_refuses_anything_else():
    assert trusted_proxies([]) == (0, [])
    assert trusted_proxies(["2"]) == (2, [])
    assert trusted_proxies(["10.0.0.0/8", "192.0.2.1"]) == (0, ["10.0.0.0/8", "192.0.2.1"])
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        trusted_proxies(["10.0.0.0/33"])


# Everything that counts per address counts per reader


def post_through_balancer(client, article, reader_ip, **fields):
    return client.post(
        reverse("comments:post", kwargs={"slug": article.slug}),
        form_data(article, **fields),
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR=reader_ip,
    )


@pytest.mark.django_db
def test_readers_behind_the_balancer_each_have_their_own_comment_limit(
    client, article, settings, one_proxy
):
    settings.COMMENTS_RATE_PER_IP = 1
    settings.COMMENTS_RATE_PER_EMAIL = 0
    first = post_through_balancer(client, article, "203.0.113.9", email="a@example.org")
    second = post_through_balancer(client, article, "198.51.100.7", email="b@example.org")
    again = post_through_balancer(client, article, "203.0.113.9", email="c@example.org")
    assert (first.status_code, second.status_code) == (302, 302)
    assert "please wait a few minutes" in again.content.decode()
    assert sorted(Comment.objects.values_list("ip", flat=True)) == ["198.51.100.7", "203.0.113.9"]


@pytest.mark.django_db
def test_a_forged_header_does_not_dodge_the_limit(client, article, settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXY_NETWORKS = 0, []
    settings.COMMENTS_RATE_PER_IP = 1
    settings.COMMENTS_RATE_PER_EMAIL = 0
    post_through_balancer(client, article, "203.0.113.9", email="a@example.org")
    again = post_through_balancer(client, article, "198.51.100.7", email="b@example.org")
    assert "please wait a few minutes" in again.content.decode()


@pytest.mark.django_db
def test_reports_through_the_balancer_count_per_reader(client, article, settings, one_proxy):
    settings.COMMENTS_REPORT_THRESHOLD = 0
    comment = add_comment(article)
    for reader in ("203.0.113.9", "198.51.100.7"):
        client.post(
            reverse("comments:report", args=[comment.pk]),
            {"reason": "spam"},
            REMOTE_ADDR=BALANCER,
            HTTP_X_FORWARDED_FOR=reader,
        )
    assert comment.reports.count() == 2


@pytest.mark.django_db
def test_login_lockout_behind_the_balancer_is_per_reader(client, editor, settings, one_proxy):
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            login,
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR=BALANCER,
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    elsewhere = client.post(
        login,
        {"username": "editor", "password": "pw", "next": "/admin/"},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert elsewhere.status_code == 302
