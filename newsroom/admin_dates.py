"""The admin's date drill-down, kept to dates that exist."""

from datetime import datetime, timedelta

from django.contrib import messages
from django.shortcuts import redirect

PARTS = ("year", "month", "day")


def drill_down_problem(field, query):
    """Why the drill-down's year, month and day in ``query`` name no date, or None.

    The changelist turns them into a range of datetimes (a day, a month or a year long);
    Django catches a month 13 but not a year of eleven digits or the year 9999's end,
    and answers those with a 500.
    """
    given = {part: query.get(f"{field}__{part}") for part in PARTS}
    if not any(given.values()):
        return None
    try:
        year, month, day = (int(given[part] or 1) for part in PARTS)
        start = datetime(year, month, day)
        start + timedelta(days=32)
        start.replace(year=year + 1)
    except (ValueError, OverflowError):
        shown = "-".join(given[part] for part in PARTS if given[part])
        return f"There is no date “{shown[:40]}” to show: all dates are shown instead."
    return None


class DateDrillDownGuard:
    """For a ModelAdmin with ``date_hierarchy``: a drill-down to no date says so and is dropped."""

    def changelist_view(self, request, extra_context=None):
        if self.date_hierarchy:
            problem = drill_down_problem(self.date_hierarchy, request.GET)
            if problem:
                messages.error(request, problem)
                kept = request.GET.copy()
                for part in PARTS:
                    kept.pop(f"{self.date_hierarchy}__{part}", None)
                return redirect(f"{request.path}?{kept.urlencode()}" if kept else request.path)
        return super().changelist_view(request, extra_context)
