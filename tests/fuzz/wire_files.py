"""
Wire files nobody sends by accident, for the tests of generated input: a good story in
each shape the importer reads (plain wire copy, ninjs 1.x, 2.x, 3.x, Superdesk), one to
three of its fields given a hostile value (a text of values.py, or the wrong JSON type:
null, a number, a list, an object), and raw garbage. Each as (file name, bytes).
"""

import copy
import json

from hypothesis import strategies as st

from .values import anything, dates, languages, long_text, trouble_text

BODY = "OSLO (NTB) – The ferry crossed the fjord again on Monday.\n\nTimetables are normal."
HTML = "<p>OSLO (NTB) – The ferry crossed the fjord again on Monday.</p><p>Timetables hold.</p>"

DIALECTS = {
    "ninjs-1": {
        "uri": "urn:fuzz:1",
        "type": "text",
        "version": "1",
        "versioncreated": "2026-11-01T07:40:00Z",
        "language": "en-GB",
        "headline": "Ferry runs again after storm",
        "byline": "Mari Lund",
        "description_text": "The crossing reopens a week early.",
        "body_text": BODY,
        "body_xhtml": HTML,
    },
    "ninjs-2": {
        "uri": "urn:fuzz:2",
        "type": "text",
        "version": "3",
        "firstcreated": "2026-11-05T05:00:00Z",
        "versioncreated": "2026-11-05T06:45:00Z",
        "embargoed": "2026-11-05T06:00:00Z",
        "pubstatus": "usable",
        "language": "en",
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": "Ferry runs again"}],
        "descriptions": [{"role": "summary", "contenttype": "text/plain", "value": "Early."}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": HTML}],
        "by": "Kari Dahl, NTB",
        "located": "Oslo",
        "infosources": [{"name": "NTB", "role": "originfo"}],
        "altids": [{"role": "source", "value": "NTB-17"}],
        "subjects": [{"name": "World", "rel": "section"}, {"name": "Ferries", "rel": "about"}],
        "associations": [{"type": "picture", "by": "Ann Lens", "descriptions": []}],
    },
    "ninjs-3": {
        "uri": "urn:fuzz:3",
        "type": "text",
        "contentType": "text/html",
        "firstCreated": "2026-11-06T01:00:00Z",
        "versionCreated": "2026-11-06T02:00:00Z",
        "embargoedUntil": "2026-11-06T01:30:00Z",
        "pubStatus": "usable",
        "language": "nb-NO",
        "headlines": [{"role": "main", "contentType": "text/plain", "value": "Ferry runs again"}],
        "bodies": [{"role": "main", "contentType": "text/plain", "value": BODY}],
        "by": "Lin Mei",
        "infoSources": [{"name": "Wire Example", "role": "originfo"}],
        "altIds": [{"role": "internal", "value": "tea-77"}],
    },
    "superdesk": {
        "guid": "urn:newsml:sd.example:fuzz",
        "type": "text",
        "version": "2",
        "versioncreated": "2026-11-07T10:05:00+0000",
        "pubstatus": "usable",
        "language": "en",
        "slugline": "Ferry-Again",
        "headline": "Ferry runs again",
        "byline": "Sam Ortiz",
        "description_html": "<p>Work starts in spring.</p>",
        "body_html": HTML,
        "evolvedfrom": "urn:newsml:sd.example:earlier",
        "associations": {"featuremedia": {"type": "picture", "byline": "Lea Park"}},
    },
}
# What a field of a wire story may hold, besides a good value: a hostile text, markup
# that tests the cleaning of bodies, or a value of the wrong JSON type.
MARKUP = [
    "<p>",
    "</p>",
    "<body>",
    "</body>",
    "<head><title>t</title></head>",
    "<section>",
    '<span class="dateline">OSLO</span> – ',
    "<script>alert(1)</script>",
    "<h1>Again</h1>",
    "<!--",
    "<![CDATA[",
    "&amp;",
    "&#0;",
    "&#xd800;",
    "<a href='javascript:x'>",
    "<img src=x onerror=y>",
    "<table><tr><td>",
]
KEYS = ["value", "role", "contenttype", "contentType", "name", "rel", "type", "uri", "href"]
markup = st.lists(st.one_of(st.sampled_from(MARKUP), trouble_text), max_size=8).map("".join)
texts = st.one_of(anything, markup, dates, languages, st.sampled_from(["", " ", "canceled"]))
keys = st.one_of(st.sampled_from(KEYS), trouble_text)
scalars = st.one_of(texts, st.none(), st.booleans(), st.integers(), st.floats())
shallow = st.one_of(st.lists(scalars, max_size=3), st.dictionaries(keys, scalars, max_size=3))
json_values = st.one_of(
    scalars,
    shallow,
    st.lists(shallow, max_size=2),
    st.dictionaries(keys, shallow, max_size=2),
)
LEFT_OUT = object()


def paths(value, path=()):
    """Where a value may be put in a document: each key and list entry, deepest first."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*path, index))
    return [*found, path] if path else found


def changed(document, changes):
    """The document with each (path, value) put in, deepest first (a field left out if so)."""
    document = copy.deepcopy(document)
    for path, value in sorted(changes, key=lambda change: -len(change[0])):
        *parents, last = path
        target = document
        for step in parents:
            target = target[step]
        if value is LEFT_OUT and isinstance(target, dict):
            target.pop(last, None)
        elif value is not LEFT_OUT:
            target[last] = value
    return document


def ninjs(dialect):
    """The dialect's good document, one to three fields changed, or a field added."""
    good = DIALECTS[dialect]
    where = st.one_of(st.sampled_from(paths(good)), st.tuples(st.sampled_from(KEYS + ["x"])))
    value = st.one_of(json_values, st.just(LEFT_OUT))
    return st.lists(st.tuples(where, value), min_size=1, max_size=3).map(
        lambda changes: changed(good, changes)
    )


def as_json(document, ascii_only):
    """The document's bytes; a lone surrogate escaped (ASCII), or as the bytes it would be."""
    text = json.dumps(document, ensure_ascii=ascii_only)
    return text.encode("utf-8", errors="surrogatepass")


ninjs_files = st.builds(
    lambda document, ascii_only, name: (name, as_json(document, ascii_only)),
    st.sampled_from(sorted(DIALECTS)).flatmap(ninjs),
    st.booleans(),
    st.sampled_from(["story.json", "STORY.JSON", "story.txt", "story"]),
)

# Plain wire copy: slug line, headline, dateline paragraph, another, the credit footer.
COPY = [
    "SLUG: NORWAY-FJORD/FERRY",
    "Ferry service across the fjord resumes",
    "",
    "OSLO (Reuters) – Ferries crossed the fjord again on Monday.",
    "",
    "Timetables would be normal by Wednesday.",
    "",
    "(Reporting by Gwladys Fouche in Oslo; Editing by Alex Richardson)",
]
copy_lines = st.lists(
    st.tuples(st.integers(0, len(COPY) - 1), st.one_of(anything, markup, long_text)),
    min_size=1,
    max_size=3,
).map(lambda changes: [dict(changes).get(n, line) for n, line in enumerate(COPY)])
copy_files = st.builds(
    lambda lines, name: (name, "\n".join(lines).encode("utf-8", errors="surrogatepass")),
    copy_lines,
    st.sampled_from(["story.txt", "story"]),
)


def _cut(document, at):
    text = json.dumps(document)
    return text[: at % (len(text) + 1)].encode()


garbage = st.one_of(
    st.binary(max_size=300),
    st.text(alphabet='{}[]":,0123456789eE.-+truefalsn \\u', max_size=80).map(str.encode),
    st.builds(_cut, st.sampled_from(list(DIALECTS.values())), st.integers(min_value=0)),
    st.builds(
        lambda piece, times: (piece * times).encode(),
        st.sampled_from(["[", '{"a":', "1", " ", "\ufeff"]),
        st.integers(min_value=1, max_value=100_000),
    ),
    st.sampled_from([b"[]", b"null", b'"story"', b"{}", b'{"items": []}', b'{"item": {}}']),
).map(lambda data: ("story.json", data))

# Any of them: what is sent to the importer.
wire_files = st.one_of(ninjs_files, copy_files, garbage)


def _with_bad_character(document, where, character, at):
    """The document with a NUL or a lone surrogate put into one of its texts."""
    texts = [path for path in paths(document) if isinstance(_at(document, path), str)]
    path = texts[where % len(texts)]
    text = _at(document, path)
    at %= len(text) + 1
    return changed(document, [(path, text[:at] + character + text[at:])])


def _at(document, path):
    for step in path:
        document = document[step]
    return document


bad_character_files = st.builds(
    lambda document, ascii_only: ("story.json", as_json(document, ascii_only)),
    st.builds(
        _with_bad_character,
        st.sampled_from(list(DIALECTS.values())),
        st.integers(min_value=0),
        st.sampled_from(["\x00", "\ud800", "\udbff", "\udc00", "\udfff"]),
        st.integers(min_value=0, max_value=200),
    ),
    st.booleans(),
)
