"""Header step: subject, addresses and attachment names written so that every mail program reads them.

Python's own header folding can write an empty encoded-word (`=?utf-8?q??=`, python/cpython#85725)
when a non-ASCII character follows a colon, and names a long attachment only through RFC 2231
continuations (`filename*0*=`), which Outlook shows as "Untitled attachment". So these headers
are written here, ready to send, and stored as they are (`Message.set_raw`):

- non-ASCII text as whole RFC 2047 encoded-words (the `email.header` encoder, which never
  writes an empty one), folded within 78 octets a line;
- every attachment named by a short plain ASCII `filename="…"` on Content-Disposition and
  `name="…"` on Content-Type, and, only when the real name is not ASCII, an RFC 2231
  `filename*` before them, split into continuations of at most 78 octets a line. (Python's
  parser notes the pair as a duplicate parameter and keeps the first; mailparser and mail
  programs that read RFC 2231 prefer the starred one; the rest read the plain one.)
"""

from __future__ import annotations

import unicodedata
from email.header import Header
from email.message import EmailMessage
from email.utils import formataddr
from urllib.parse import quote

LINE = 78  # octets a header line, as RFC 5322 recommends (998 is the limit)
_SAFE_IN_QUOTES = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.'&()!+-_")


def header_text(text: str) -> str:
    """Text that can only ever be one header value: line breaks and control characters go."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):
            kept.append(" ")
        elif category != "Cf":  # invisible format characters, e.g. right-to-left overrides
            kept.append(char)
    return " ".join("".join(kept).split())


def unstructured(name: str, text: str) -> str:
    """A Subject-like header's value: ASCII as it is, anything else as encoded-words, folded."""
    text = header_text(text)
    if text.isascii() and len(name) + 2 + len(text) <= LINE:
        return text
    return Header(text, "utf-8" if not text.isascii() else "us-ascii", maxlinelen=LINE,
                  header_name=name).encode(linesep="\r\n")


def mailbox(display_name: str, address: str, header: str = "From") -> str:
    """'"Ana Núñez, LCSW" <ana@example.com>': the name quoted as it needs, or as ONE encoded-word
    when it is not ASCII; a name too long for one line loses its last words (the signature in
    the note keeps them all). One encoded-word, because mail parsers disagree on the space
    between two in a name: mailparser adds one where Python adds none, and the reverse."""
    name = header_text(display_name)
    shown = _display_name(name)
    while len(header) + 2 + len(shown) > LINE and " " in name:
        name = name.rsplit(" ", 1)[0].rstrip(" ,;")
        shown = _display_name(name)
    if len(header) + 2 + len(shown) + 2 + len(address) + 1 <= LINE:
        return f"{shown} <{address}>"
    return f"{shown}\r\n <{address}>"


def _display_name(name: str) -> str:
    if name.isascii():
        return formataddr((name, "x@x"))[: -len(" <x@x>")]  # quoted only if it needs to be
    return Header(name, "utf-8", maxlinelen=998).encode()


def set_text_header(message: EmailMessage, name: str, text: str) -> None:
    """Set `name` to `text`, written here rather than by the email package's folder."""
    del message[name]
    message.set_raw(name, unstructured(name, text))


def set_mailbox(message: EmailMessage, name: str, display_name: str, address: str) -> None:
    del message[name]
    message.set_raw(name, mailbox(display_name, address, name))


def _quoted(filename: str) -> str:
    if not set(filename) <= _SAFE_IN_QUOTES:
        raise ValueError(f"attachment name {filename!r} is not short plain ASCII")
    return f'"{filename}"'


def _rfc2231(parameter: str, value: str, room: int) -> list[str]:
    """`filename*=utf-8''…` for `value`, split into `filename*0*=`… pieces when longer than `room`."""
    encoded = quote(value, safe="")
    whole = f"{parameter}*=utf-8''{encoded}"
    if len(whole) <= room:
        return [whole]
    pieces: list[str] = []
    prefix = "utf-8''"
    while encoded:
        head = f"{parameter}*{len(pieces)}*={prefix}"
        take = max(room - len(head) - 1, 3)  # the "-1": the ";" after every piece but the last
        cut = min(take, len(encoded))
        while cut < len(encoded) and "%" in encoded[max(cut - 2, 0):cut]:  # never split a %XX
            cut -= 1
        pieces.append(f"{head}{encoded[:cut]}")
        encoded, prefix = encoded[cut:], ""
    return pieces


def attachment_headers(filename: str, real_name: str, content_type: str) -> tuple[str, str]:
    """(Content-Type, Content-Disposition) values naming an attachment `filename` (short plain
    ASCII) and, when `real_name` is not ASCII, also by `real_name` through RFC 2231."""
    quoted = _quoted(filename)
    if len(quoted) > LINE - len(" filename=") - 1:
        raise ValueError(f"attachment name {filename!r} is too long for one header line")
    content = f"{content_type};\r\n name={quoted}"
    disposition = [f"filename={quoted}"]
    if not real_name.isascii():
        # First, so that a parser keeping only the first of the two (Python's) shows the accents too;
        # one that does not read RFC 2231 takes the plain name after it.
        disposition[:0] = _rfc2231("filename", real_name, LINE - 2)
    return content, "attachment;\r\n " + ";\r\n ".join(disposition)


def name_attachments(message: EmailMessage, names: dict[int, tuple[str, str]]) -> None:
    """Rewrite the Content-Type and Content-Disposition of each attachment part, keeping the
    headers' order. `names` maps the part's id() to its (ASCII filename, real name)."""
    for part in message.walk():
        if id(part) not in names:
            continue
        filename, real_name = names[id(part)]
        content, disposition = attachment_headers(filename, real_name, part.get_content_type())
        items = list(part.raw_items())
        for header in {name for name, _ in items}:
            del part[header]
        for header, value in items:
            replaced = {"content-type": content, "content-disposition": disposition}.get(header.lower())
            part.set_raw(header, value if replaced is None else replaced)
