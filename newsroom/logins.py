"""
Failed admin logins (django-axes): a lock per account and address, and a short
cool-off per account across addresses.

Guessing one account's password from many addresses is slowed: after
``AXES_ACCOUNT_FAILURE_LIMIT`` failures within ``AXES_ACCOUNT_COOLOFF_MINUTES``,
wherever they came from, the account takes no password from a new address until
the failures are that old. A stranger cannot lock the account's owner out with
it: from an address the account has logged in from before, the right password
still works (the per-address lock of ``AXES_FAILURE_LIMIT`` still applies there),
and the cool-off ends by itself minutes after the failures stop.
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone

from .clientip import client_ip


class AccountCoolOffHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or self.is_cooling_off(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        # Axes flags only its own lock for the lockout answer; flag the cool-off too.
        locked = request is None or getattr(request, "axes_locked_out", False)
        if not locked and self.is_cooling_off(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials

    def is_cooling_off(self, request, credentials=None):
        limit = settings.AXES_ACCOUNT_FAILURE_LIMIT
        username = get_client_username(request, credentials)
        if not limit or not username:
            return False
        since = timezone.now() - timedelta(minutes=settings.AXES_ACCOUNT_COOLOFF_MINUTES)
        failures = AccessFailureLog.objects.filter(
            username__iexact=username, attempt_time__gte=since
        )
        if failures.count() < limit:
            return False
        address = getattr(request, "axes_ip_address", None) or client_ip(request)
        known = AccessLog.objects.filter(username__iexact=username, ip_address=address)
        return not known.exists()
