"""Import step: an HTML fragment (a WordPress post's body, a Word document as HTML) becomes typed blocks.

Only the article's own structure is kept — headings, paragraphs, lists, quotes, tables, code,
bold, italics and safe links. Pictures, galleries, embedded players, forms and scripts are left
out, each noted as a `Removed` item for the editor. Nothing here fetches anything: the markup
is read as text by lxml's HTML parser, which never loads what an element points at.
"""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
from lxml import etree

from pipeline.article import (
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
    plain,
    text_runs,
)
from pipeline.importing.furniture import Removed
from pipeline.importing.spans import merged, paragraphs, stripped, top_level_two

SAFE_LINK_SCHEMES = ("https://", "http://", "mailto:")
_HEADING = re.compile(r"h([1-6])")
_CONTAINERS = {"div", "section", "article", "main", "figure", "header", "footer", "aside", "center", "body",
               "details", "dl", "dd", "dt", "address", "hgroup"}
_INLINE_STYLE = {"strong": "strong", "b": "strong", "em": "emphasis", "i": "emphasis", "cite": "emphasis",
                 "u": "emphasis", "code": "code", "kbd": "code", "samp": "code", "tt": "code",
                 # Struck-through words stay, marked, so nobody hands a client a crossed-out price as current.
                 "del": "struck", "s": "struck", "strike": "struck", "sup": "superscript", "sub": "subscript"}
_BLOCK_TAGS = {"p", "ul", "ol", "blockquote", "pre", "table", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
               *_CONTAINERS, "figcaption", "li"}
# What a dropped element is called in the editor's notes.
_DROPPED = {"img": "image", "picture": "image", "svg": "image", "canvas": "image", "iframe": "embed",
            "embed": "embed", "object": "embed", "video": "video", "audio": "audio", "form": "form",
            "input": "form", "button": "button", "select": "form", "textarea": "form"}
_SILENT = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "source", "track", "map"}
# Block-editor wrappers named by class: (word in the class, what it is).
_WRAPPERS = (("wp-block-gallery", "gallery"), ("gallery", "gallery"), ("wp-block-embed", "embed"),
             ("wp-block-video", "video"), ("wp-block-audio", "audio"), ("wp-block-file", "file download"),
             ("wp-block-buttons", "button"), ("wp-block-button", "button"), ("wp-block-social-links", "social links"),
             ("wp-block-latest-posts", "recent-post list"), ("wp-block-search", "form"), ("textbox", "text box"))


def fragment_blocks(html: str) -> tuple[tuple[Block, ...], tuple[Removed, ...]]:
    """The blocks an HTML fragment holds, and what was left out of it, in order."""
    if not html.strip():
        return (), ()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return (), ()
    reader = _Reader()
    blocks = reader.blocks(root)
    top_level_two(blocks)
    return tuple(blocks), tuple(reader.removed)


class _Reader:
    def __init__(self) -> None:
        self.removed: list[Removed] = []

    def drop(self, kind: str, element: etree._Element) -> None:
        images = len(element.findall(".//img"))
        if kind == "gallery" and images:
            what = f"{images} image{'s' if images != 1 else ''}"
            self.removed.append(Removed(len(self.removed) + 1, kind, what))
            return
        what = (element.get("alt") or element.get("title") or element.get("src") or element.get("data")
                or " ".join(" ".join(element.itertext()).split()) or kind)
        self.removed.append(Removed(len(self.removed) + 1, kind, what[:200]))

    def blocks(self, parent: etree._Element) -> list[Block]:
        out: list[Block] = []
        loose: list[Span] = [Span(_spaced(parent.text))] if parent.text else []

        def paragraph() -> None:
            out.extend(Paragraph(text) for text in paragraphs(merged(loose)))  # <br><br> stands between paragraphs
            loose.clear()

        for child in parent:
            if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS or self.wrapper(child):
                paragraph()
                out.extend(self.block(child))
            else:
                loose.extend(self.spans(child, {}))
            if child.tail:
                loose.append(Span(_spaced(child.tail)))
        paragraph()
        return out

    def wrapper(self, element: etree._Element) -> str | None:
        classes = (element.get("class") or "") if isinstance(element.tag, str) else ""
        return next((kind for word, kind in _WRAPPERS if word in classes), None)

    def block(self, element: etree._Element) -> list[Block]:
        tag = element.tag
        if kind := self.wrapper(element):
            self.drop(kind, element)
            return []
        if level := _HEADING.fullmatch(tag):
            text = self.text(element)
            return [Heading(int(level[1]), text)] if plain(text).strip() else []
        if tag in ("p", "figcaption", "dt"):
            return self.blocks(element)
        if tag in ("ul", "ol"):
            items = self.items(element)
            if not items:
                return []
            start = element.get("start", "1")
            return [OrderedList(items, int(start) if start.isdigit() else 1) if tag == "ol" else BulletList(items)]
        if tag == "li":
            return self.blocks(element)
        if tag == "blockquote":
            inner = self.blocks(element)
            return [Quote(tuple(inner))] if inner else []
        if tag == "pre":
            for line_break in element.iter("br"):  # syntax highlighters write their lines with <br>
                line_break.tail = "\n" + (line_break.tail or "")
            code = "".join(element.itertext()).strip("\n")
            return [CodeBlock(code)] if code.strip() else []
        if tag == "hr":
            return [Rule()]
        if tag == "table":
            return self.table(element)
        return self.blocks(element)  # a container: its blocks, in order

    def items(self, element: etree._Element) -> tuple[ListItem, ...]:
        """A list's items; a list written straight inside it (not in an item) belongs to the item above, as shown."""
        items: list[list[Block]] = []
        for child in element:
            if child.tag == "li":
                items.append(self.blocks(child))
            elif child.tag in ("ul", "ol"):
                if not items:
                    items.append([])
                items[-1] += self.block(child)
        return tuple(ListItem(tuple(blocks)) for blocks in items if blocks)

    def table(self, element: etree._Element) -> list[Block]:
        rows = [row for row in element.iter("tr") if _table_of(row) is element]
        cells = [row for row in _grid([[(cell, self.cell(cell)) for cell in row if cell.tag in ("td", "th")]
                                       for row in rows]) if row]
        if not cells:
            return []
        # A header row the source marks (<th>, <thead>, Word's "repeat as header row"), else the first row:
        # tables in handouts and posts name their columns in the first row.
        return [Table(cells[0], tuple(cells[1:]))]

    def cell(self, cell: etree._Element) -> Text:
        """A table cell's words; a cell of several paragraphs or a list keeps each part, separated by '; '."""
        if not cell.xpath(".//ul | .//ol | .//p[following-sibling::p] | .//br"):
            return self.text(cell)
        parts = [part for part in text_runs(self.blocks(cell)) if plain(part).strip()]
        joined: list[Span] = []
        for part in parts:
            joined += [Span("; ")] * bool(joined) + [replace(span, text=re.sub(r"\s*\n\s*", "; ", span.text))
                                                     for span in part]
        if cell.xpath(".//ul | .//ol"):
            items = " / ".join(" ".join(plain(part).split())[:40] for part in parts[:3])
            self.removed.append(Removed(len(self.removed) + 1, "review",
                                        f"a table cell holds a list ({items}…); a table cell has one line, so "
                                        "its items are written one after another, separated by ';' — check it"))
        return stripped(merged(joined))

    def text(self, element: etree._Element) -> Text:
        return stripped(merged(self.spans(element, {}, top=True)))

    def spans(self, element: etree._Element, style: dict, top: bool = False) -> list[Span]:
        if not isinstance(element.tag, str):
            return []  # comments, such as the block editor's <!-- wp:paragraph -->
        tag = element.tag
        if tag in _SILENT:
            return []
        if kind := _DROPPED.get(tag) or (None if top else self.wrapper(element)):
            self.drop(kind, element)
            return []
        if tag == "br":
            return [Span("\n", **style)]
        if tag == "u" and "href" in style:
            pass  # a link's underline is how the link looks, not emphasis
        elif tag in _INLINE_STYLE:
            style = {**style, _INLINE_STYLE[tag]: True}
        elif tag == "a":
            href = (element.get("href") or "").strip()
            if href.lower().startswith(SAFE_LINK_SCHEMES):
                style = {**style, "href": href}
        out: list[Span] = [Span(_spaced(element.text), **style)] if element.text else []
        for child in element:
            out += self.spans(child, style)
            if child.tail:
                out.append(Span(_spaced(child.tail), **style))
        if not top and tag in _BLOCK_TAGS:
            out = [Span(" "), *out, Span(" ")]  # a block inside a line keeps its words apart
        return out


def _spaced(text: str) -> str:
    """The markup's own line breaks are spaces, as a browser shows them: only a <br> breaks a line."""
    return re.sub(r"\s+", " ", text)


def _table_of(row: etree._Element) -> etree._Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _grid(rows: list[list[tuple[etree._Element, Text]]]) -> list[tuple[Text, ...]]:
    """Rows with merged cells laid out: a cell spanning columns or rows leaves empty cells beside or under it."""
    spanned: dict[tuple[int, int], bool] = {}  # (row, column) taken by a cell from a row above
    out: list[tuple[Text, ...]] = []
    for number, row in enumerate(rows):
        line: list[Text] = []
        for cell, text in row:
            while spanned.pop((number, len(line)), False):
                line.append(())
            across, down = _span(cell.get("colspan")), _span(cell.get("rowspan"))
            column = len(line)
            line += [text] + [()] * (across - 1)
            for below in range(1, down):
                for offset in range(across):
                    spanned[(number + below, column + offset)] = True
        while spanned.pop((number, len(line)), False):
            line.append(())
        out.append(tuple(line))
    return out


def _span(value: str | None) -> int:
    return min(int(value), 50) if value and value.isdigit() and int(value) > 0 else 1
