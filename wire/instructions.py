"""
What a ninjs item says of itself, for the importer to obey: its status (``pubstatus``),
embargo, the source's times and the uris it replaces, in either casing (2.x lower case,
3.x camelCase). Only what the parser has not already read is filled in.
"""

import json
from datetime import UTC, datetime

STATUSES = {"usable", "withheld", "canceled"}


def _field(item, *names):
    for name in names:
        if name in item:
            return item[name]
    return None


def _moment(value):
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def fill_instructions(story, text):
    """Set the story's pubstatus, embargo, times and replaced uris from the ninjs text,
    where the story does not have them yet."""
    try:
        item = json.loads(text)
    except (ValueError, RecursionError):
        return story
    if not isinstance(item, dict):
        return story
    status = _field(item, "pubstatus", "pubStatus")
    if story.pubstatus == "usable" and isinstance(status, str):
        status = status.strip().casefold()
        story.pubstatus = status if status in STATUSES else story.pubstatus
    story.embargoed = story.embargoed or _moment(_field(item, "embargoed"))
    story.first_created = story.first_created or _moment(
        _field(item, "firstcreated", "firstCreated")
    )
    story.version_created = story.version_created or _moment(
        _field(item, "versioncreated", "versionCreated")
    )
    replaces = _field(item, "replaces")
    if not story.replaces and isinstance(replaces, list):
        story.replaces = [uri.strip()[:255] for uri in replaces if isinstance(uri, str)]
    return story
