"""
Reader comments and the moderation desk.

Readers comment under published articles (``{% load comments_tags %}{% article_comments
article %}``); moderators decide in the admin, where the comment changelist is the queue.
The decisions are listed once, in ``Comment.DECISIONS``: the admin's buttons and bulk
actions are made from it, and code decides with ``comment.approve(by, reason)`` and the
like, or bans with ``BannedCommenter.ban(emails, by, reason)``, as the admin does.
``Comment.objects.approved()`` is what readers may see; counts for lists come from
``comments.counts``. Settings are the ``COMMENTS_*`` names in ``newsroom/settings.py``.

Trust needs a proved address (``comments.confirmations``): links mailed to commenters,
kept unsent while the mail server is down and sent by ``manage.py
send_comment_confirmations`` from cron.

Privacy, to run from cron: ``manage.py purge_comment_ips`` daily, and on request
``manage.py commenter_data --export EMAIL`` or ``--erase EMAIL``.
"""
