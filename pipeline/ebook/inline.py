"""Inline step: a paragraph's styled text cut at its spoken sentences, and written as XHTML.

The narration's sentences are the paragraph's words with spacing evened out and emoji and invisible
characters left out. Matching them back onto the paragraph, character by character, gives the book
each sentence with its emphasis and links, and keeps what the voice leaves out (an emoji) on the page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from markupsafe import Markup, escape

from pipeline.sources import Span, Text

_UNREAD = {"Cc", "Cf", "Cs", "Co", "Cn", "So", "Sk", "Me"}  # what captions leave out (emoji, controls)


def _unread(char: str) -> bool:
    return char.isspace() or char in "\ufe0e\ufe0f" or unicodedata.category(char) in _UNREAD


def readable(text: str) -> str:
    """The text without what captions leave out: 'Zero\u200bwidth' -> 'Zerowidth'."""
    return "".join(char for char in text if char.isspace() or not _unread(char))


def sentence_bounds(shown: str, sentences: Sequence[str]) -> list[tuple[int, int]] | None:
    """Where each sentence lies in `shown`, as (start, end); None if they are not its words in order."""
    bounds: list[tuple[int, int]] = []
    position = 0
    for sentence in sentences:
        start = None
        for char in sentence:
            if char.isspace():
                continue
            while position < len(shown) and shown[position] != char:
                if not _unread(shown[position]):
                    return None
                position += 1
            if position == len(shown):
                return None
            start = position if start is None else start
            position += 1
        if start is None:
            return None
        bounds.append((start, position))
    return bounds


def cut(text: Text, start: int, end: int) -> Text:
    """The spans covering characters `start` to `end` of the text, trimmed to them."""
    found: list[Span] = []
    offset = 0
    for span in text:
        left, right = max(start, offset), min(end, offset + len(span.text))
        if left < right:
            found.append(Span(span.text[left - offset:right - offset], span.emphasis, span.strong, span.code,
                              span.href))
        offset += len(span.text)
    return tuple(found)


def markup(text: Text) -> Markup:
    """Spans as XHTML: emphasis, strong, code and links (only the safe ones the article model keeps)."""
    parts: list[Markup] = []
    for span in text:
        html = escape(" ".join(span.text.split("\n")))
        if span.code:
            html = Markup("<code>%s</code>") % html
        if span.emphasis:
            html = Markup("<em>%s</em>") % html
        if span.strong:
            html = Markup("<strong>%s</strong>") % html
        if span.href:
            html = Markup('<a href="%s">%s</a>') % (span.href, html)
        parts.append(html)
    return Markup("").join(parts)
