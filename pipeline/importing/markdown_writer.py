"""Import step: a draft's blocks are written as CommonMark for the new article source."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from itertools import groupby
from typing import assert_never

from pipeline.article import (
    Block,
    BlockVisitor,
    BulletList,
    CodeBlock,
    Heading,
    ListItem,
    Mark,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Span,
    Table,
    Text,
)
from pipeline.sources import parse_body

_LINE_START = re.compile(r"^(\s*)([#>+=~-]|\d+[.)](?=\s|$))", re.MULTILINE)


def to_markdown(blocks: tuple[Block, ...]) -> str:
    """CommonMark for the blocks; text that looks like Markdown syntax is escaped."""
    return _blocks(blocks) + "\n"


def _blocks(blocks: tuple[Block, ...]) -> str:
    out: list[str] = []
    other = False
    for index, block in enumerate(blocks):
        if isinstance(block, (BulletList, OrderedList)):
            # Two lists in a row would merge into one unless the second uses the other marker.
            other = index > 0 and type(blocks[index - 1]) is type(block) and not other
            out.append(_list(block, other))
        else:
            out.append(_block(block))
    return "\n\n".join(out)


class _Writer(BlockVisitor[str]):
    """One block as CommonMark."""

    def heading(self, block: Heading) -> str:
        marker = "#" * block.level + " "
        # A '#' run at the end would be read as the heading's closing sequence.
        return _checked(_one_line(block.text), lambda words: marker + re.sub(r"(^|\s)#(#*)$", r"\1\\#\2", words))

    def paragraph(self, block: Paragraph) -> str:
        return _checked(block.text, _escape_start)

    def bullet_list(self, block: BulletList) -> str:
        return _list(block)

    def ordered_list(self, block: OrderedList) -> str:
        return _list(block)

    def quote(self, block: Quote) -> str:
        inner = _blocks(block.blocks)
        return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))

    def code_block(self, block: CodeBlock) -> str:
        fence = "~~~~" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"

    def table(self, block: Table) -> str:
        rows = [block.header or tuple(() for _ in block.rows[0])] + list(block.rows)
        width = max(len(row) for row in rows)
        cells = [[_inline(_one_line(cell)).replace("|", "\\|") for cell in row] + [""] * (width - len(row))
                 for row in rows]
        lines = ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])

    def rule(self, block: Rule) -> str:
        return "---"


_WRITER = _Writer()


def _block(block: Block) -> str:
    return _WRITER.visit(block)


def _checked(text: Text, line: Callable[[str], str]) -> str:
    """The Markdown for a heading or paragraph, read back to be sure its words come through.

    Bold and italic markers squeezed between punctuation can be misread; if the words do not come
    back as they went in, the styling is let go (the words and links are what must survive).
    """
    markdown = line(_inline(text))
    blocks, _ = parse_body(markdown)
    if len(blocks) == 1 and _meaning(getattr(blocks[0], "text", ())) == _meaning(text):
        return markdown
    # Bold and italics let go; what changes the meaning (struck-through, raised and lowered words,
    # code, links) is kept, written as HTML tags that read back whatever stands beside them.
    return line(_inline(tuple(replace(span, emphasis=False, strong=False) for span in text), tags=True))


def _one_line(text: Text) -> Text:
    """Headings and table cells hold one line: line breaks become spaces."""
    return tuple(replace(span, text=span.text.replace("\n", " ")) for span in text)


def _meaning(text: Text) -> tuple[str, ...]:
    """What must survive a round trip: the words, and which of them are struck, raised or lowered."""
    def words(kept: Callable[[Span], bool]) -> str:
        return " ".join("".join(span.text if kept(span) else " " for span in text).split())

    return (words(lambda span: True), words(lambda span: span.struck), words(lambda span: span.superscript),
            words(lambda span: span.subscript))


def _list(block: BulletList | OrderedList, other_marker: bool = False) -> str:
    out = []
    for number, item in enumerate(block.items, start=getattr(block, "start", 1)):
        if isinstance(block, OrderedList):
            marker = f"{number}) " if other_marker else f"{number}. "
        else:
            marker = "* " if other_marker else "- "
        out.append(marker + _item(item).replace("\n", "\n" + " " * len(marker)))
    return "\n".join(line.rstrip() if not line.strip() else line for line in "\n".join(out).split("\n"))


def _item(item: ListItem) -> str:
    text = ""
    previous: Block | None = None
    other = False
    for child in item.blocks:
        is_list = isinstance(child, (BulletList, OrderedList))
        if previous is not None:
            # A paragraph with a list under it stays tight; anything else gets a blank line between.
            text += "\n" if isinstance(previous, Paragraph) and is_list else "\n\n"
        other = is_list and type(previous) is type(child) and not other
        text += _list(child, other) if is_list else _block(child)
        previous = child
    return text


def _escape_start(text: str) -> str:
    """Escape what would start a heading, quote, list or fence, on the first line and after line breaks."""
    return _LINE_START.sub(lambda m: m[1] + (m[2][:-1] + "\\" + m[2][-1]), text)


def _inline(text: Text, tags: bool = False) -> str:
    """The spans as CommonMark; with `tags`, struck-through words as <del> instead of ~~."""
    text = _bare_edges(text)
    # The style that changes less often goes outside, so the other nests inside it cleanly.
    changes = {style: len(list(groupby(text, key=lambda span: getattr(span, style))))
               for style in ("strong", "emphasis")}
    order = ("strong", "emphasis") if changes["strong"] <= changes["emphasis"] else ("emphasis", "strong")
    return _styled(list(text), order, "", "", tags)


def _bare_edges(text: Text) -> Text:
    """Spaces and line breaks at the edges of bold, italic or linked words move outside them."""
    out: list[Span] = []
    for span in text:
        core = span.text.strip()
        if not span.marks and not span.href or core == span.text or not core:
            out.append(span)
            continue
        lead, trail = span.text[: len(span.text) - len(span.text.lstrip())], span.text[len(span.text.rstrip()):]
        out += [Span(lead)] if lead else []
        out.append(replace(span, text=core))
        out += [Span(trail)] if trail else []
    return tuple(out)


def _styled(spans: list[Span], styles: tuple[str, ...], before: str, after: str, tags: bool) -> str:
    """Runs of strong text, then runs of emphasis inside them, each wrapped once in its markers."""
    if not styles:
        return "".join(_span(span, tags) for span in spans)
    style, inner_styles = styles[0], styles[1:]
    runs = [(on, list(run)) for on, run in groupby(spans, key=lambda span: getattr(span, style))]
    out = ""
    for index, (on, run) in enumerate(runs):
        following = _span(runs[index + 1][1][0], tags)[:1] if index + 1 < len(runs) else after
        text = _styled(run, inner_styles, out[-1:] or before, following, tags)
        if on:
            text = _wrap("**" if style == "strong" else "*", text, out[-1:] or before, following)
        out += text
    return out


def _wrap(marker: str, text: str, before: str, after: str) -> str:
    """`**text**`, with spaces kept outside the markers.

    CommonMark only reads a marker next to punctuation as bold or italic when its outer side is
    a space or punctuation too; where it would not be, the words are kept and the style let go.
    """
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    if (_is_punctuation(core[0]) and not lead and before.isalnum()) or (
            _is_punctuation(core[-1]) and not trail and after.isalnum()):
        return text
    return f"{lead}{marker}{core}{marker}{trail}"


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith(("P", "S"))


def _span(span: Span, tags: bool = False) -> str:
    if not span.text.strip():
        return _escape(span.text)
    body = _escape(span.text)
    for mark in reversed(span.marks):  # the innermost first
        body = _marked(mark, body, span.text, tags)
    if span.href:
        lead, trail = body[: len(body) - len(body.lstrip())], body[len(body.rstrip()):]
        target = f"<{span.href}>" if " " in span.href else span.href
        body = f"{lead}[{body.strip()}]({target}){trail}"
    return body


def _marked(mark: Mark, body: str, text: str, tags: bool) -> str:
    """The Markdown for one mark around `body` (the span's `text`, escaped); bold and italics are
    written around whole runs by `_styled`."""
    match mark:
        case "strong" | "emphasis":
            return body
        case "struck":
            return f"<del>{body}</del>" if tags else f"~~{body}~~"
        case "superscript":
            return f"<sup>{body}</sup>"
        case "subscript":
            return f"<sub>{body}</sub>"
        case "code":
            ticks = "``" if "`" in text else "`"
            return f"{ticks}{text.replace(chr(10), ' ')}{ticks}"
        case _:
            assert_never(mark)


def _escape(text: str) -> str:
    text = re.sub(r"([\\`*_~\[\]])", r"\\\1", text)
    text = re.sub(r"<(?=[A-Za-z/!?])", r"\\<", text)
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text)
    return text.replace("\n", "\\\n")
