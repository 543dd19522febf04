"""Reading step: one rule for every web address a source gives (the profile's and each article's).

An address is printed under a QR code and put into it, so what a client reads must be where the
code leads. Its host is ASCII — a domain with other letters is written in its IDNA form
(`xn--…`), shown as such — so a Cyrillic look-alike of the practice's domain cannot pass for it;
and no control, formatting (bidi override) or space character may appear anywhere in it.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

_HOST = re.compile(r"[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+")
_SHAPE = re.compile(r"https?://[^/?#]+([/?#].*)?", re.DOTALL)


def web_address_problem(value: str) -> str | None:
    """Why `value` is not a web address the handouts may print and encode, or None when it is one."""
    hidden = next((char for char in value if unicodedata.category(char)[0] in "CZ"), None)
    if hidden is not None:
        return (f"{value[:80]!r} holds a space, control or formatting character (U+{ord(hidden):04X}); "
                "expected a web address starting with https://")
    if not _SHAPE.fullmatch(value):
        return f"{value[:80]!r} is not a web address starting with https://"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return f"{value[:80]!r} is not a web address starting with https://"
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None:
        return f"{value[:80]!r} has a name before its host (user@host); expected a web address like https://www.example.com/"
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = None
        hint = f" (here {ascii_host})" if ascii_host else ""
        return (f"{value[:80]!r}: its host {host[:60]!r} is not plain ASCII; write a domain with other letters "
                f"in its IDNA form, xn--…{hint}, so no look-alike of another address can pass")
    if not _HOST.fullmatch(host) or port is not None and not 0 < port < 65536:
        return f"{value[:80]!r} is not a web address starting with https://"
    return None
