"""A contributor's pages elsewhere: one rule for the addresses kept and the links shown.

An address is ``https://`` at a real host (a name with a dot, no user, password or port),
written as browsers read it: scheme and host in lower case, the host in ASCII (IDNA). A
backslash is refused anywhere, since browsers read it as a slash and
``https://evil.example\\@good.example/`` leads to evil.example.
"""

import re
from urllib.parse import quote, urlsplit

from django.core.exceptions import ValidationError

LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)\Z")
TOP_LEVEL = re.compile(r"([a-z]{2,63}|xn--[a-z0-9-]{1,59})\Z")
# What may stay as typed in a path, query or fragment; the rest is percent-encoded.
KEPT = "/%:@!$&'()*+,;=-._~?#"


def web_address(text):
    """The address as kept and shown; ValidationError saying why when it is not one."""
    text = (text or "").strip()
    refused = ValidationError(
        f"“{text[:200]}” is not a web address: https://, then the site's name."
    )
    if (
        not text.lower().startswith("https://")
        or len(text) > 2000
        or any(ch == "\\" or ch.isspace() or not ch.isprintable() for ch in text)
    ):
        raise refused
    try:
        parts = urlsplit(text)
        host = parts.netloc.encode("idna").decode("ascii").lower()
    except (ValueError, UnicodeError):
        raise refused from None
    labels = host.split(".")
    if (
        len(host) > 253
        or len(labels) < 2
        or not all(LABEL.match(label) for label in labels)
        or not TOP_LEVEL.match(labels[-1])
    ):
        raise refused  # a user, a password, a port or an address by number: not a site's name
    address = f"https://{host}{quote(parts.path, safe=KEPT) or '/'}"
    if parts.query:
        address += "?" + quote(parts.query, safe=KEPT)
    if parts.fragment:
        address += "#" + quote(parts.fragment, safe=KEPT)
    return address


def web_addresses(text):
    """Each address of a text holding one a line, as kept and shown."""
    return [web_address(line) for line in (text or "").splitlines() if line.strip()]


def shown_addresses(*texts):
    """The addresses readers see: those that pass, whatever was stored (a restored backup)."""
    shown = []
    for text in texts:
        for line in (text or "").splitlines():
            try:
                shown.append(web_address(line))
            except ValidationError:
                continue
    return shown
