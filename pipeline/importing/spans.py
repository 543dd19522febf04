"""Import step: runs of styled words are tidied — spaces collapsed, neighbours of one style joined, edges trimmed."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.article import Block, Heading, Span, Text


def merged(spans: list[Span]) -> Text:
    """Collapse runs of spaces and join neighbouring spans of the same style."""
    merged: list[Span] = []
    for span in spans:
        text = "\n" if span.text == "\n" else re.sub(r"\s+", " ", span.text)
        last = merged[-1] if merged else None
        if last and last.style == span.style:
            text = re.sub(r" *\n *", "\n", re.sub(r" {2,}", " ", last.text + text))
            merged[-1] = replace(last, text=text)
        elif text:
            merged.append(replace(span, text=text))
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
        spans[0] = replace(first, text=first.text.lstrip())
        last = spans[-1]
        spans[-1] = replace(last, text=last.text.rstrip())
    return tuple(spans)


def top_level_two(blocks: list[Block]) -> None:
    """Heading levels made 2, 3, 4… in the order the body uses them (the title is the only H1).

    The body's biggest heading becomes an H2 and each smaller level used the next one down, so no
    level is skipped and two different levels (an h5 and an h6) stay different while there are
    Markdown levels left for them.
    """
    used = sorted({block.level for block in blocks if isinstance(block, Heading)})
    level = {old: min(2 + rank, 6) for rank, old in enumerate(used)}
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            blocks[index] = replace(block, level=level[block.level])


def paragraphs(text: Text) -> list[Text]:
    """A run of words split where a blank line stands (two line breaks, Blogger's and old WordPress's paragraphs)."""
    out: list[list[Span]] = [[]]
    for span in text:
        pieces = re.split(r"\n[ \t]*\n\s*", span.text)
        for number, piece in enumerate(pieces):
            if number:
                out.append([])
            if piece:
                out[-1].append(replace(span, text=piece))
    return [stripped(tuple(part)) for part in out if "".join(span.text for span in part).strip()]


def spaced(spans: list[Span], page_text: str) -> list[Span]:
    """Put back a space the extractor lost where one element ends and the next words begin.

    trafilatura can drop the space between a link or bold word and the words after it
    ("Mozilla Foundation</a> and" read as "Foundationand"). Where the page itself has the two
    words apart and never together, the space is put back; `page_text` is the page's visible
    text with its spaces collapsed.
    """
    out = list(spans)
    for index in range(1, len(out)):
        before, after = out[index - 1].text, out[index].text
        end, start = re.search(r"\w+$", before), re.match(r"\w+", after)
        if end and start and f"{end[0]} {start[0]}" in page_text and f"{end[0]}{start[0]}" not in page_text:
            out[index] = replace(out[index], text=" " + after)
    return out
