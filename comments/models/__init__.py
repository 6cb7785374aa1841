"""Comments with their moderation log and readers' reports; banned words and commenters;
the links that let commenters prove their address."""

from .bans import BAN_PERMISSIONS, BANNED_REASON, BannedCommenter, BannedWord
from .comments import (
    AWAITING_CONFIRMATION,
    MODERATE_PERMISSION,
    Comment,
    CommentQuerySet,
    Decision,
    ModerationLog,
    hash_ip,
    normalize_email,
)
from .confirmations import Confirmation, email_digest
from .reports import Report, held_reason_for_reports, weight_of

__all__ = [
    "AWAITING_CONFIRMATION",
    "BANNED_REASON",
    "BAN_PERMISSIONS",
    "MODERATE_PERMISSION",
    "BannedCommenter",
    "BannedWord",
    "Comment",
    "CommentQuerySet",
    "Confirmation",
    "Decision",
    "ModerationLog",
    "Report",
    "email_digest",
    "hash_ip",
    "held_reason_for_reports",
    "normalize_email",
    "weight_of",
]
