"""
ninjs 3.x beside 2.2: the same item, its property names in camelCase.

IPTC's ninjs 3 renamed the 2.x properties (``versioncreated`` → ``versionCreated``,
``embargoed`` → ``embargoedUntil``) and kept their meaning, so our export is written once, as
2.2, and renamed here; a partner asks for it with ``?version=3``. ``as_ninjs2`` reads a 3.x
item back under its 2.x names, so the importer reads either.
"""

from .export import NINJS_SCHEMA, NINJS_VERSION

NINJS3_VERSION = "3.1"
NINJS3_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"

# The 2.x names that 3.x spells otherwise; every other name is the same in both.
RENAMED = {
    "altids": "altIds",
    "aspectratio": "aspectRatio",
    "contactinfo": "contactInfo",
    "contentcreated": "contentCreated",
    "contenttype": "contentType",
    "copyrightholder": "copyrightHolder",
    "copyrightnotice": "copyrightNotice",
    "digitalsourcetype": "digitalSourceType",
    "ednote": "edNote",
    "embargoed": "embargoedUntil",
    "firstcreated": "firstCreated",
    "framerate": "frameRate",
    "infosources": "infoSources",
    "pubstatus": "pubStatus",
    "representationtype": "representationType",
    "rightsinfo": "rightsInfo",
    "sizeinbytes": "sizeInBytes",
    "trustindicators": "trustIndicators",
    "usageterms": "usageTerms",
    "versioncreated": "versionCreated",
    "videocodec": "videoCodec",
}
BACK = {new: old for old, new in RENAMED.items()}

VERSION_PARAMETER = "version"
# What ``?version=`` accepts for 3.x.
VERSION_3_NAMES = {"3", "3.0", "3.1", NINJS3_VERSION}


def as_asked(request, item):
    """The item in the ninjs version the request asks for: 2.2 unless ``?version=3``."""
    return as_ninjs3(item) if request.GET.get(VERSION_PARAMETER) in VERSION_3_NAMES else item


def as_ninjs3(item):
    """A ninjs 2.2 item of ours, and every item it carries, as ninjs 3.1."""
    renamed = _renamed(item, RENAMED)
    _restandard(renamed, NINJS3_VERSION, NINJS3_SCHEMA)
    return renamed


def as_ninjs2(item):
    """A ninjs 3.x item under its 2.x names; any other item as it is."""
    if not is_ninjs3(item):
        return item
    renamed = _renamed(item, BACK)
    _restandard(renamed, NINJS_VERSION, NINJS_SCHEMA)
    return renamed


def is_ninjs3(item):
    standard = item.get("standard")
    version = standard.get("version") if isinstance(standard, dict) else None
    if isinstance(version, str):
        return version.startswith("3")
    return any(key in item for key in BACK)


def _renamed(value, names):
    if isinstance(value, dict):
        return {names.get(key, key): _renamed(inner, names) for key, inner in value.items()}
    if isinstance(value, list):
        return [_renamed(inner, names) for inner in value]
    return value


def _restandard(item, version, schema):
    """The ``standard`` of the item and of the items it carries says what they now are."""
    if isinstance(item.get("standard"), dict):
        item["standard"] = {**item["standard"], "version": version, "schema": schema}
    for associated in item.get("associations", []):
        if isinstance(associated, dict):
            _restandard(associated, version, schema)
