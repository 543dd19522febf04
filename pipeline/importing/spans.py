"""Import step: runs of styled words are tidied — spaces collapsed, neighbours of one style joined, edges trimmed."""

from __future__ import annotations

import re

from pipeline.article import Block, Heading, Span, Text


def merged(spans: list[Span]) -> Text:
    """Collapse runs of spaces and join neighbouring spans of the same style."""
    merged: list[Span] = []
    for span in spans:
        text = "\n" if span.text == "\n" else re.sub(r"\s+", " ", span.text)
        last = merged[-1] if merged else None
        if last and (last.emphasis, last.strong, last.code, last.href) == (
                span.emphasis, span.strong, span.code, span.href):
            text = re.sub(r" *\n *", "\n", re.sub(r" {2,}", " ", last.text + text))
            merged[-1] = Span(text, last.emphasis, last.strong, last.code, last.href)
        elif text:
            merged.append(Span(text, span.emphasis, span.strong, span.code, span.href))
    return tuple(merged)


def stripped(text: Text) -> Text:
    """No spaces or line breaks at the very start or end of a run of text."""
    spans = list(text)
    while spans and not spans[0].text.strip():
        spans.pop(0)
    while spans and not spans[-1].text.strip():
        spans.pop()
    if spans:
        first, last = spans[0], spans[-1]
        spans[0] = Span(first.text.lstrip(), first.emphasis, first.strong, first.code, first.href)
        last = spans[-1]
        spans[-1] = Span(last.text.rstrip(), last.emphasis, last.strong, last.code, last.href)
    return tuple(spans)


def top_level_two(blocks: list[Block]) -> None:
    """Shift heading levels so the body's biggest heading is an H2 (the title is the only H1)."""
    levels = [block.level for block in blocks if isinstance(block, Heading)]
    if levels:
        shift = min(levels) - 2
        for index, block in enumerate(blocks):
            if isinstance(block, Heading):
                blocks[index] = Heading(min(max(block.level - shift, 2), 6), block.text)
