"""A health check for load balancers: 200 when this server can reach its database."""

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def health(request):
    with connection.cursor() as cursor:  # unreachable: the middleware answers 503
        cursor.execute("SELECT 1")
    return HttpResponse("ok\n", content_type="text/plain")
