"""The admin's list actions, run on the ticked rows sent with them.

Django looks the ticked rows up by the ids sent: one that is no id (empty, a word, a
number larger than any id) fails the lookup, and the list answers with a 500. Such a
value ticks nothing: the action runs on the rows that are ids, or, when none is, the list
says that rows must be ticked, as it does when none was.
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from .admin_autocomplete import could_be_key


class TickedIdsMixin:
    """For a ModelAdmin: its actions run only on ticked values that can be ids."""

    def response_action(self, request, queryset):
        ticked = request.POST.getlist(ACTION_CHECKBOX_NAME)
        ids = [value for value in ticked if could_be_key(self.model._meta.pk, value)]
        if ids != ticked:
            request.POST = request.POST.copy()
            request.POST.setlist(ACTION_CHECKBOX_NAME, ids)
        return super().response_action(request, queryset)
