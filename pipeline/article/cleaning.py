"""Cleaning untrusted text where it enters the article model: what a client reads is what was written.

Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a title or a
sentence display in another order than it reads, and zero-width characters can hide words or
make two spellings look alike; neither belongs in a handout. The zero-width joiner is kept where
it joins two emoji (a family, a skin tone) and the zero-width non-joiner where it shapes letters of
a script that needs it (Persian, Hindi…): there they are part of what the text says.
"""

from __future__ import annotations

import re
import unicodedata

# Bidi embeddings, overrides and isolates; LRM, RLM and the Arabic letter mark; zero-width space,
# word joiner and invisible operators; the byte-order mark; soft hyphen and other hidden marks.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060-\u2064\ufeff"
                        "\u00ad\u180e\u034f\u115f\u1160\u3164\uffa0]")
_JOINERS = re.compile("[\u200c\u200d]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Controls, and Unicode's noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every
# plane): XML forbids them, so one would make the e-book ill-formed and the feed fail to write.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufdd0-\ufdef\ufffe\uffff"
                      + "".join(f"{chr(plane << 16 | 0xfffe)}{chr(plane << 16 | 0xffff)}" for plane in range(1, 17))
                      + "]")
_ONE_LINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """The text without invisible formatting characters (see the module's docstring for the two kept)."""
    text = _INVISIBLE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINERS.sub(lambda match: match[0] if _joins(text, match.start(), match[0]) else "", text)
    return text


def clean_text(text: str) -> str:
    """Text as it may enter an article: composed (NFC), invisible formatting and control characters
    gone, every kind of line break a plain newline; spaces, tabs and newlines kept."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", visible(text)))


def clean_line(text: str) -> str:
    """One line of text (a title, a summary, a tag): cleaned, line breaks and runs of spaces one space."""
    return " ".join(_ONE_LINE.sub(" ", clean_text(text)).split())


def excerpt(value: object, most: int = 60) -> str:
    """An untrusted value as a message may show it: its repr, cut to `most` characters."""
    shown = repr(value)
    return shown if len(shown) <= most else shown[: most - 1] + "…"


def _joins(text: str, at: int, joiner: str) -> bool:
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if not before or not after:
        return False
    if joiner == "\u200d":
        return _emoji(before) and _emoji(after)
    return _shaped_letter(before) and _shaped_letter(after)


def _emoji(char: str) -> bool:
    return unicodedata.category(char) == "So" or char == "\ufe0f" or "\U0001f3fb" <= char <= "\U0001f3ff"


def _shaped_letter(char: str) -> bool:
    # Letters and marks outside the Latin, Greek and Cyrillic blocks, where joining matters.
    return unicodedata.category(char)[0] in "LM" and ord(char) >= 0x0590
