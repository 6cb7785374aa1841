"""
A health check for load balancers: 200 when this server can reach its database.

Below ``ok`` each app may add lines of its own (``reporters``, filled in the apps'
``AppConfig.ready()``): the background queue says whether its broker answers, how long
the oldest waiting task has waited and how many tasks failed. They inform; only the
database decides the status, so a broker outage never takes the web servers out.
"""

import logging

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# Functions returning {name: value} to report, e.g. {"queue_broker": "reachable"}.
reporters = []


@never_cache
def health(request):
    with connection.cursor() as cursor:  # unreachable: the middleware answers 503
        cursor.execute("SELECT 1")
    lines = ["ok"]
    for report in reporters:
        try:
            lines += [f"{name}: {value}" for name, value in report().items()]
        except Exception:
            logger.exception("A health report failed")
            lines.append(f"{report.__module__}: could not report")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
