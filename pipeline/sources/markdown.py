"""Reading step: a CommonMark body becomes typed blocks; raw HTML and unsafe links are dropped."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from pipeline.sources.article import (
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
)

SAFE_LINK_SCHEMES = ("https://", "http://", "mailto:")

# html=True so raw HTML arrives as its own tokens, which are then dropped rather than
# shown as literal tags or passed through.
_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
# Accept every link target at parse time so unsafe ones become plain text here, with a
# warning, instead of staying in the text as literal Markdown.
_PARSER.validateLink = lambda url: True


def parse_body(markdown: str, first_line: int = 1) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """Parse a Markdown body into blocks, with a warning for everything dropped.

    `first_line` is the body's first line in its file, so blocks carry the file's line numbers.
    """
    reader = _Reader(first_line)
    tree = SyntaxTreeNode(_PARSER.parse(markdown))
    blocks = reader.blocks(tree.children)
    return blocks, tuple(reader.warnings)


class _Reader:
    def __init__(self, first_line: int = 1) -> None:
        self.warnings: list[str] = []
        self.first_line = first_line

    def line(self, node: SyntaxTreeNode) -> int | None:
        return self.first_line + node.map[0] if node.map else None

    def blocks(self, nodes: list[SyntaxTreeNode]) -> tuple[Block, ...]:
        out: list[Block] = []
        for node in nodes:
            block = self.block(node)
            if block is not None:
                out.append(block)
        return tuple(out)

    def block(self, node: SyntaxTreeNode) -> Block | None:
        kind = node.type
        if kind == "heading":
            level = int(node.tag[1])
            text = self.inline(node.children)
            return Heading(level, text, line=self.line(node)) if _has_words(text) else None
        if kind == "paragraph":
            text = self.inline(node.children)
            return Paragraph(text, line=self.line(node)) if _has_words(text) else None
        if kind == "bullet_list":
            return BulletList(self.items(node))
        if kind == "ordered_list":
            return OrderedList(self.items(node), start=int(node.attrs.get("start", 1)))
        if kind == "blockquote":
            return Quote(self.blocks(node.children))
        if kind in ("code_block", "fence"):
            return CodeBlock(node.content.rstrip("\n"))
        if kind == "hr":
            return Rule()
        if kind == "table":
            return self.table(node)
        if kind == "html_block":
            self.warnings.append("raw HTML block dropped")
            return None
        self.warnings.append(f"unsupported Markdown element {kind!r} dropped")
        return None

    def items(self, node: SyntaxTreeNode) -> tuple[ListItem, ...]:
        return tuple(ListItem(self.blocks(item.children)) for item in node.children)

    def table(self, node: SyntaxTreeNode) -> Table:
        header: tuple[Text, ...] = ()
        rows: list[tuple[Text, ...]] = []
        for section in node.children:
            for row in section.children:
                cells = tuple(self.inline(cell.children[0].children) if cell.children else ()
                              for cell in row.children)
                if section.type == "thead":
                    header = cells
                else:
                    rows.append(cells)
        return Table(header, tuple(rows), line=self.line(node))

    def inline(self, nodes: list[SyntaxTreeNode]) -> Text:
        spans: list[Span] = []
        for node in nodes:
            if node.type == "inline":
                spans.extend(self.inline(node.children))
            else:
                self.span(node, spans, emphasis=False, strong=False, href=None)
        return _merge(spans)

    def span(self, node: SyntaxTreeNode, out: list[Span], *, emphasis: bool, strong: bool,
             href: str | None) -> None:
        kind = node.type
        style = {"emphasis": emphasis, "strong": strong, "href": href}
        if kind == "text":
            out.append(Span(node.content, **style))
        elif kind == "softbreak":
            out.append(Span(" ", **style))
        elif kind == "hardbreak":
            out.append(Span("\n", **style))
        elif kind == "code_inline":
            out.append(Span(node.content, code=True, **style))
        elif kind == "html_inline":
            self.warnings.append(f"raw HTML {node.content.strip()[:40]!r} dropped")
        elif kind == "image":
            self.warnings.append(f"image {node.attrs.get('src', '')!r} dropped (images are not embedded)")
        elif kind in ("em", "strong", "s", "link"):
            if kind == "em":
                emphasis = True
            elif kind == "strong":
                strong = True
            elif kind == "link":
                target = str(node.attrs.get("href", ""))
                if target.lower().startswith(SAFE_LINK_SCHEMES):
                    href = target
                else:
                    self.warnings.append(f"link to {target[:60]!r} kept as plain text")
            for child in node.children:
                self.span(child, out, emphasis=emphasis, strong=strong, href=href)
        else:
            for child in node.children:
                self.span(child, out, emphasis=emphasis, strong=strong, href=href)


def _merge(spans: list[Span]) -> Text:
    """Join neighbouring spans of the same style so renderers see whole runs of text."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = merged[-1] if merged else None
        if last and (last.emphasis, last.strong, last.code, last.href) == (
            span.emphasis, span.strong, span.code, span.href
        ):
            merged[-1] = Span(last.text + span.text, last.emphasis, last.strong, last.code, last.href)
        else:
            merged.append(span)
    return tuple(merged)


def _has_words(text: Text) -> bool:
    return any(span.text.strip() for span in text)
