"""
Credit footers read with the newsroom's own credit styles and places.

The grammar itself, both directions, is articles.creditlines: this only hands it the
styles and places from the database. A footer is read only in ways that render back
character for character; what no style reads is handed back, verbatim, as leftovers.
"""

from articles.creditlines import parse_credit_line as read_with
from articles.models import CreditStyle, Place


def read_footer(line, styles=None, places=None):
    """articles.creditlines.Reading of a footer such as "(Reporting by A in X; Editing by B)"."""
    styles = CreditStyle.objects.plain_styles() if styles is None else styles
    places = Place.objects.plain() if places is None else places
    return read_with(line, styles, places)
