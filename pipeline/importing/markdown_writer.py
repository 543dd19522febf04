"""Import step: a draft's blocks are written as CommonMark for the new article source."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from itertools import groupby

from pipeline.sources import (
    Block,
    BulletList,
    CodeBlock,
    Heading,
    ListItem,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Span,
    Table,
    Text,
    parse_body,
    plain,
)

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


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        marker = "#" * block.level + " "
        # A '#' run at the end would be read as the heading's closing sequence.
        return _checked(_one_line(block.text), lambda words: marker + re.sub(r"(^|\s)#(#*)$", r"\1\\#\2", words))
    if isinstance(block, Paragraph):
        return _checked(block.text, _escape_start)
    if isinstance(block, (BulletList, OrderedList)):
        return _list(block)
    if isinstance(block, Quote):
        inner = _blocks(block.blocks)
        return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
    if isinstance(block, CodeBlock):
        fence = "~~~~" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    if isinstance(block, Table):
        rows = [block.header or tuple(() for _ in block.rows[0])] + list(block.rows)
        width = max(len(row) for row in rows)
        cells = [[_inline(_one_line(cell)).replace("|", "\\|") for cell in row] + [""] * (width - len(row))
                 for row in rows]
        lines = ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])
    if isinstance(block, Rule):
        return "---"
    raise TypeError(f"unknown block {block!r}")


def _checked(text: Text, line: Callable[[str], str]) -> str:
    """The Markdown for a heading or paragraph, read back to be sure its words come through.

    Bold and italic markers squeezed between punctuation can be misread; if the words do not come
    back as they went in, the styling is let go (the words and links are what must survive).
    """
    markdown = line(_inline(text))
    blocks, _ = parse_body(markdown)
    if len(blocks) == 1 and _words(getattr(blocks[0], "text", ())) == _words(text):
        return markdown
    return line(_inline(tuple(replace(span, emphasis=False, strong=False) for span in text)))


def _one_line(text: Text) -> Text:
    """Headings and table cells hold one line: line breaks become spaces."""
    return tuple(replace(span, text=span.text.replace("\n", " ")) for span in text)


def _words(text: Text) -> str:
    return " ".join(plain(text).split())


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


def _inline(text: Text) -> str:
    text = _bare_edges(text)
    # The style that changes less often goes outside, so the other nests inside it cleanly.
    changes = {style: len(list(groupby(text, key=lambda span: getattr(span, style))))
               for style in ("strong", "emphasis")}
    order = ("strong", "emphasis") if changes["strong"] <= changes["emphasis"] else ("emphasis", "strong")
    return _styled(list(text), order, "", "")


def _bare_edges(text: Text) -> Text:
    """Spaces and line breaks at the edges of bold, italic or linked words move outside them."""
    out: list[Span] = []
    for span in text:
        core = span.text.strip()
        if not (span.strong or span.emphasis or span.href or span.code) or core == span.text or not core:
            out.append(span)
            continue
        lead, trail = span.text[: len(span.text) - len(span.text.lstrip())], span.text[len(span.text.rstrip()):]
        out += [Span(lead)] if lead else []
        out.append(replace(span, text=core))
        out += [Span(trail)] if trail else []
    return tuple(out)


def _styled(spans: list[Span], styles: tuple[str, ...], before: str, after: str) -> str:
    """Runs of strong text, then runs of emphasis inside them, each wrapped once in its markers."""
    if not styles:
        return "".join(_span(span) for span in spans)
    style, inner_styles = styles[0], styles[1:]
    runs = [(on, list(run)) for on, run in groupby(spans, key=lambda span: getattr(span, style))]
    out = ""
    for index, (on, run) in enumerate(runs):
        following = _span(runs[index + 1][1][0])[:1] if index + 1 < len(runs) else after
        text = _styled(run, inner_styles, out[-1:] or before, following)
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


def _span(span: Span) -> str:
    if span.code:
        ticks = "``" if "`" in span.text else "`"
        body = f"{ticks}{span.text.replace(chr(10), ' ')}{ticks}"
    else:
        body = _escape(span.text)
    if not span.text.strip():
        return _escape(span.text)
    if span.href:
        lead, trail = body[: len(body) - len(body.lstrip())], body[len(body.rstrip()):]
        target = f"<{span.href}>" if " " in span.href else span.href
        body = f"{lead}[{body.strip()}]({target}){trail}"
    return body


def _escape(text: str) -> str:
    text = re.sub(r"([\\`*_\[\]])", r"\\\1", text)
    text = re.sub(r"<(?=[A-Za-z/!?])", r"\\<", text)
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text)
    return text.replace("\n", "\\\n")
