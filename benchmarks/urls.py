from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_patterns


def bare(request):
    """The framework's ceiling: the same server and middleware, no database, no template."""
    return HttpResponse(b"ok", content_type="text/plain")


# The site's own patterns, not included: its language prefixes must stay at the root.
urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    *site_patterns,
]
