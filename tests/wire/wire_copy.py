"""A story as an agency sends it, with its credit footer, and the import command run on files."""

from io import StringIO

from django.core.management import call_command

STORY = """\
Dutch court orders release of seized Russian museum gold

AMSTERDAM (Reuters) – A Dutch appeals court on Tuesday ordered the return of “Scythian gold” \
lent by Crimean museums to Ukraine — not to Crimea — ending a nine-year dispute.

“This is our gold,” the director of the Ukrainian national museum said.

The Allard Pierson museum said it would comply within 30 days.

{footer}

Add a Comment
"""
FOOTER = (
    "(Reporting by Anthony Deutsch in Amsterdam and Pavel Polityuk in Kyiv; "
    "Writing by Bart Meijer; Editing by Andrew Heavens)"
)


def import_story(*paths, **options):
    out, err = StringIO(), StringIO()
    call_command("import_story", *paths, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()
