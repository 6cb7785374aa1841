"""Pages of long story lists without counting the whole list."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _


class NewerOlderPaginator(Paginator):
    """
    Knows only whether an older page exists, by reading one row more than a page.

    Counting every published story costs more than showing twenty of them once
    the archive is large, and readers only need "Newer" and "Older".
    """

    counts_pages = False
    # Rows further in than this are in no archive; an offset beyond it would not even fit
    # the databases' integers (a 500 instead of "no such page").
    MAX_OFFSET = 2**31 - 1

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(_("That page number is not an integer")) from None
        if number < 1:
            raise EmptyPage(_("That page number is less than 1"))
        if (number - 1) * self.per_page > self.MAX_OFFSET:
            raise EmptyPage(_("That page contains no results"))
        return number

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        rows = list(self.object_list[start : start + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(_("That page contains no results"))
        return NewerOlderPage(rows[: self.per_page], number, self, len(rows) > self.per_page)


class NewerOlderPage(Page):
    def __init__(self, object_list, number, paginator, has_older):
        super().__init__(object_list, number, paginator)
        self.has_older = has_older

    def has_next(self):
        return self.has_older

    def next_page_number(self):
        return self.number + 1
