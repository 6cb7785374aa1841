"""The lists of ids a browser keeps in signed cookies (comments/cookies.py)."""

import time
from datetime import timedelta

from django.http import HttpResponse
from django.test import RequestFactory

from comments.confirmations import PROOF
from comments.cookies import SignedIds
from comments.views import OWN_COMMENTS

SAMPLE = SignedIds("sample_ids", "tests.sample", days=2, kept=3)


def browser_with(response):
    """A request from the browser that received ``response``'s cookies."""
    request = RequestFactory().get("/")
    request.COOKIES = {name: morsel.value for name, morsel in response.cookies.items()}
    return request


def test_the_newest_ids_are_kept_and_one_added_again_moves_last():
    request = RequestFactory().get("/")
    for pk in (1, 2, 3, 4, 2):
        request = browser_with(SAMPLE.add(request, HttpResponse(), pk))
    assert SAMPLE.read(request) == [3, 4, 2]


def test_a_forged_or_foreign_cookie_reads_as_none():
    request = browser_with(SAMPLE.add(RequestFactory().get("/"), HttpResponse(), 7))
    request.COOKIES["sample_ids"] = request.COOKIES["sample_ids"].replace("7", "8", 1)
    assert SAMPLE.read(request) == []
    other = SignedIds("sample_ids", "tests.other", days=2, kept=3)
    signed = browser_with(other.add(RequestFactory().get("/"), HttpResponse(), 7))
    assert SAMPLE.read(signed) == []  # another list's signature is no proof for this one


def test_an_old_cookie_reads_as_none(monkeypatch):
    request = browser_with(SAMPLE.add(RequestFactory().get("/"), HttpResponse(), 7))
    assert SAMPLE.read(request) == [7]
    later = time.time() + timedelta(days=2, seconds=1).total_seconds()
    monkeypatch.setattr(time, "time", lambda: later)
    assert SAMPLE.read(request) == []


def test_the_proof_is_hidden_from_scripts_and_own_comments_are_not():
    for ids, script_reads in ((PROOF, False), (OWN_COMMENTS, True)):
        cookie = ids.add(RequestFactory().get("/"), HttpResponse(), 1).cookies[ids.name]
        assert bool(cookie["httponly"]) is not script_reads
        assert cookie["samesite"] == "Lax" and cookie["max-age"] == ids.days * 24 * 60 * 60
