"""Comments with their moderation log and readers' reports; banned words and commenters."""

from .bans import BAN_PERMISSIONS, BANNED_REASON, BannedCommenter, BannedWord
from .comments import (
    MODERATE_PERMISSION,
    Comment,
    CommentQuerySet,
    Decision,
    ModerationLog,
    Report,
    hash_ip,
    held_reason_for_reports,
    normalize_email,
)

__all__ = [
    "BAN_PERMISSIONS",
    "BANNED_REASON",
    "MODERATE_PERMISSION",
    "BannedCommenter",
    "BannedWord",
    "Comment",
    "CommentQuerySet",
    "Decision",
    "ModerationLog",
    "Report",
    "hash_ip",
    "held_reason_for_reports",
    "normalize_email",
]
