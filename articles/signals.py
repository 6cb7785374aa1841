"""
What the articles app tells whoever listens, without knowing who listens.

Both are sent inside the transaction that makes the change, so a listener's own
writes stand or fall with it; anything sent outside (mail) waits for the commit.
"""

from django.dispatch import Signal

# A workflow step was taken and recorded: article, step (a Step of STEPS), by, note, transition.
step_taken = Signal()

# A correction or substantive update left translations behind: original, translations, reason.
translations_out_of_date = Signal()
