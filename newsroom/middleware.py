from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


class DatabaseUnavailableMiddleware:
    """Readers get a plain 503 page, never a traceback, when the database is away."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            response = HttpResponse(render_to_string("503.html"), status=503)
            response["Retry-After"] = "30"
            return response
        return None


class RefuseNulMiddleware:
    """
    A query string holding a NUL character is answered 400 with a message, before any view
    sees it: no page takes one, and PostgreSQL refuses to compare text with one (a search,
    a list filter or the admin's autocomplete would fail with a 500). Form fields refuse
    NUL themselves.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in "".join(values) for key, values in request.GET.lists()):
            reason = _("This address contains a NUL character, which no page accepts.")
            page = render_to_string("400.html", {"reason": reason}, request=request)
            return HttpResponseBadRequest(page)
        return self.get_response(request)
