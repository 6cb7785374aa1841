from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    """The framework's ceiling: the same server and middleware, no database, no template."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("", include("newsroom.urls")),
]
