"""
Values nobody types by accident, for the tests of generated input (hypothesis): what an
outside probe sends to every parameter and field. Plain strategies, shared by the fuzz
tests; each test says which parameters or fields it sends them to.
"""

from urllib.parse import quote

from hypothesis import strategies as st

# Characters that have broken web applications before: NUL and other controls, lone
# surrogates, bidirectional overrides and isolates, zero-width and joining characters,
# the byte-order mark, line and paragraph separators, a combining mark, the replacement
# character, one beyond the basic plane, and the specials of HTML, URLs and SQL.
TROUBLE = (
    "\x00\x01\x08\x0b\x1b\x7f\x85\ud800\udbff\udc00\udfff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
    "\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\u0301\ufffd\U0001f4a9"
    "<>&\"'%\\/;=?#+*_[]{}` \n\r\t"
)
NUMBERS = [0, -1, 1, 2**15, 2**31 - 1, 2**31, 2**32, 2**53 + 1, 2**63 - 1, 2**63, 2**64]
NOT_QUITE_NUMBERS = ["1e309", "-0", "NaN", "inf", "0x10", "1_000", "١٢٣", "²", " 7", "+7", "7.5"]
NOT_DATES = [
    "2024-02-30",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31T23:59:60",
    "10000-01-01",
    "-0001-01-01",
    "2024-13-01",
    "2024-01-01T25:00",
    "2024-01-01T00:00:00+99:00",
    "1970-01-01T00:00:00Z",
]
LANGUAGES = ["en", "fr", "de", "zh-hans", "fr-CA", "en_GB", "x-klingon", "../..", "*", "fr;q=2"]

trouble_text = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(TROUBLE)), max_size=40)
numbers = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from(NUMBERS + [-n for n in NUMBERS] + [10**18, 10**19, 10**100]),
).map(str) | st.sampled_from(NOT_QUITE_NUMBERS)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(NOT_DATES),
)
# A live story's cursor is "<microseconds>_<post id>".
cursors = st.builds(lambda a, b: f"{a}_{b}", numbers, numbers)
long_text = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(["x", "é", "9", "%", " ", "\u202e", "\U0001f4a9", "<b>", "\x00"]),
    st.integers(min_value=300, max_value=20_000),
)
languages = st.sampled_from(LANGUAGES)

# Any of them: the value sent to a parameter or field.
anything = st.one_of(trouble_text, numbers, dates, cursors, long_text, languages)


def query_string(pairs):
    """The pairs as a browser would encode them; a lone surrogate as the bytes it would
    be in UTF-8 were it allowed (ED A0 80), which no valid UTF-8 holds."""
    return "&".join(f"{_encoded(key)}={_encoded(value)}" for key, value in pairs)


def _encoded(text):
    return quote(text, safe="", encoding="utf-8", errors="surrogatepass")


def as_path_segment(text):
    """A part of a path as a browser sends it: percent-encoded as UTF-8 (a lone surrogate
    as the bytes it would be), a "%" already there left as it is."""
    return quote(text, safe="%", encoding="utf-8", errors="surrogatepass")


def as_header(text):
    """What a server hands Django of a header a client sent as UTF-8: its bytes read as
    Latin-1, without the control characters no server passes on."""
    raw = text.encode("utf-8", errors="surrogatepass").decode("latin-1")
    return "".join(c for c in raw if c >= " " and c != "\x7f")
