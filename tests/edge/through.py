"""Requests through the edge, as a browser sends them (no redirects followed)."""

import urllib.error
import urllib.request


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode()

    @property
    def from_edge(self):
        return self.headers.get("X-Edge-Cache") == "HIT"


def get(edge, path, cookies=None, method="GET", data=None, headers=()):
    """A request through the edge, as a browser without redirects sends it."""
    request = urllib.request.Request(edge.url + path, method=method, data=data)
    for name, value in dict(headers).items():
        request.add_header(name, value)
    if cookies:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=10) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
