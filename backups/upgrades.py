"""
Backups made by earlier versions of Newsroom, brought up to this version's data before
they are loaded: each format has a step to the next, applied in turn.
"""

from datetime import datetime

# Format 1 was written before the media library and live coverage were apps of their own.
MOVED_MODELS = {
    "articles.libraryimage": "library.libraryimage",
    "articles.livepost": "live.livepost",
    "articles.livepostcredit": "live.livepostcredit",
}


def _moved_key(key):
    """A content type's natural key [app, model], or a permission's [codename, app, model]."""
    *head, app, model = key
    new_app, _, _ = MOVED_MODELS.get(f"{app}.{model}", f"{app}.{model}").partition(".")
    return [*head, new_app, model]


def _release_moment(fields):
    """What Article.release_at holds, worked out from the fields a format 1 article had."""
    moments = [fields.get("publish_at"), fields.get("embargo_until") or fields.get("publish_at")]
    if fields.get("status") != "published" or not moments[0]:
        return None
    return max(moments, key=datetime.fromisoformat)


def from_format_1(rows):
    """Moved models get their new labels (their permissions and content types too); a
    story's live coverage times, two fields of the article then, become its LiveCoverage;
    its release moment, worked out then, is stored."""
    coverage = []
    for row in rows:
        row["model"] = MOVED_MODELS.get(row["model"], row["model"])
        fields = row["fields"]
        if row["model"] == "articles.article":
            fields["release_at"] = _release_moment(fields)
            started = fields.pop("coverage_started_at", None)
            ended = fields.pop("coverage_ended_at", None)
            if started:
                coverage.append(
                    {
                        "model": "live.livecoverage",
                        "pk": row["pk"],
                        "fields": {"started_at": started, "ended_at": ended},
                    }
                )
        for name in ("permissions", "user_permissions"):
            if isinstance(fields.get(name), list):
                fields[name] = [_moved_key(key) for key in fields[name]]
        if isinstance(fields.get("content_type"), list):
            fields["content_type"] = _moved_key(fields["content_type"])
    return rows + coverage


STEPS = {1: from_format_1}


def upgrade(rows, version, current):
    """The rows of a backup of format ``version`` as format ``current`` holds them."""
    for step in range(version, current):
        rows = STEPS[step](rows)
    return rows
