"""Inline step: a paragraph's styled text cut at its spoken sentences, and written as XHTML.

The narration's sentences are the paragraph's words with spacing evened out and emoji and invisible
characters left out. Matching them back onto the paragraph, character by character, gives the book
each sentence with its emphasis and links, and keeps what the voice leaves out (an emoji) on the page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from markupsafe import Markup, escape

from pipeline.article import Text
from pipeline.templating import marked_html

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


def heard_positions(text: Text, said: str) -> list[int] | None:
    """For each character of `said` (the words the voice says: the text without its struck-through
    words and footnote marks), where it lies in the text as shown; None if they are not the same words."""
    from pipeline.audio import spoken_words

    positions: list[int] = []
    offset = 0
    for span in text:
        if spoken_words((span,)):
            positions.extend(range(offset, offset + len(span.text)))
        offset += len(span.text)
    return positions if len(positions) == len(said) else None


def cut(text: Text, start: int, end: int) -> Text:
    """The spans covering characters `start` to `end` of the text, trimmed to them."""
    found = []
    offset = 0
    for span in text:
        left, right = max(start, offset), min(end, offset + len(span.text))
        if left < right:
            found.append(replace(span, text=span.text[left - offset:right - offset]))
        offset += len(span.text)
    return tuple(found)


def markup(text: Text) -> Markup:
    """Spans as XHTML with their marks, and links (only the safe ones the article model keeps)."""
    parts: list[Markup] = []
    for span in text:
        html = Markup("<br/>").join(escape(line) for line in span.text.split("\n"))
        for mark in reversed(span.marks):  # the innermost first
            html = marked_html(mark, html)
        if span.href:
            html = Markup('<a href="%s">%s</a>') % (span.href, html)
        parts.append(html)
    return Markup("").join(parts)
