"""Reading step: a CommonMark body becomes typed blocks; raw HTML and unsafe links are dropped.

Every construct the parser accepts is either read into the model or named in a warning with its
line, so nothing an author wrote vanishes silently. Struck-through text (`~~…~~`, `<del>`, `<s>`)
is kept, marked, and warned about: a struck dose read as current is the worst kind of mistake.
Superscript and subscript are written as `<sup>`/`<sub>` (CommonMark has no syntax of its own).
"""

from __future__ import annotations

from dataclasses import replace

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from pipeline.article import (
    Block,
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
    current_words,
    excerpt,
    mark_name,
)
from pipeline.errors import SourceError

SAFE_LINK_SCHEMES = ("https://", "http://", "mailto:")
# Inline HTML read as marks: the opening and closing tags of each, as authors and importers write them.
MARK_TAGS: dict[str, Mark] = {"sup": "superscript", "sub": "subscript", "del": "struck", "s": "struck",
                             "strike": "struck"}
_MARK_TOKENS = {f"<{tag}>": (mark, True) for tag, mark in MARK_TAGS.items()} | {
    f"</{tag}>": (mark, False) for tag, mark in MARK_TAGS.items()}

# Blocks inside blocks the parser reads: a list nested 10 deep, as Word outlines go, inside a quote
# takes about 22 levels (a list and its item are two); past this limit markdown-it drops the rest
# of the enclosing block without a word, so that is refused below, naming its line.
MAX_NESTING = 40
# Bold, italics and links inside each other past this depth add nothing a reader sees; they are
# read as plain text instead, so a run of 1,000 '*' costs no deep recursion anywhere downstream.
MAX_INLINE_NESTING = 12

# html=True so raw HTML arrives as its own tokens, which are then dropped rather than
# shown as literal tags or passed through.
_PARSER = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table").enable("strikethrough")
# Accept every link target at parse time so unsafe ones become plain text here, with a
# warning, instead of staying in the text as literal Markdown.
_PARSER.validateLink = lambda url: True  # type: ignore[method-assign]


class _NotingBlocks(ParserBlock):
    """markdown-it's block tokenizer, noting the first line it skips for being nested too deep."""

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:  # noqa: N803 (its names)
        if state.level >= state.md.options.maxNesting:
            line = state.skipEmptyLines(startLine)
            if line < endLine and state.sCount[line] >= state.blkIndent:
                state.env.setdefault("too_deep", []).append(line)
        super().tokenize(state, startLine, endLine)


_noting = _NotingBlocks()
_noting.ruler = _PARSER.block.ruler  # the rules as enabled above
_PARSER.block = _noting


def parse_body(markdown: str, first_line: int = 1) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """Parse a Markdown body into blocks, with a warning (naming its line) for everything dropped or doubtful.

    `first_line` is the file's line number of the body's first line.
    """
    reader = _Reader(first_line)
    env: dict = {}
    tokens = _PARSER.parse(markdown, env)
    if env.get("too_deep"):
        line = first_line + min(env["too_deep"])
        raise SourceError(f"line {line}: lists or quotes nested more than {MAX_NESTING // 2} deep; the text from "
                          "here to the end of the outer list or quote would be lost — nest it less deeply")
    for token in tokens:
        if token.children:
            token.children = _shallow_inline(token.children)
    tree = SyntaxTreeNode(tokens)
    blocks = reader.blocks(tree.children)
    return blocks, tuple(reader.warnings)


class _Reader:
    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.line = first_line
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(f"line {self.line}: {message}")

    def blocks(self, nodes: list[SyntaxTreeNode]) -> tuple[Block, ...]:
        out: list[Block] = []
        for node in nodes:
            if node.map:
                self.line = self.first_line + node.map[0]
            block = self.block(node)
            if block is not None:
                out.append(block)
        return tuple(out)

    def block(self, node: SyntaxTreeNode) -> Block | None:
        kind = node.type
        if kind == "heading":
            level = int(node.tag[1])
            text = self.inline(node.children)
            if not _has_words(text):
                self.warn("empty heading left out of the article; give it words or delete the line")
                return None
            return Heading(level, text, line=self.line)
        if kind == "paragraph":
            text = self.inline(node.children)
            return Paragraph(text, line=self.line) if _has_words(text) else None
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
            self.warn(f"raw HTML block {excerpt(node.content.strip(), 50)} dropped")
            return None
        self.warn(f"unsupported Markdown element {kind!r} dropped")
        return None

    def items(self, node: SyntaxTreeNode) -> tuple[ListItem, ...]:
        return tuple(ListItem(self.blocks(item.children)) for item in node.children)

    def table(self, node: SyntaxTreeNode) -> Table:
        line = self.line
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
        return Table(header, tuple(rows), line=line)

    def inline(self, nodes: list[SyntaxTreeNode]) -> Text:
        spans: list[Span] = []
        open_tags: dict[Mark, int] = {}
        for node in nodes:
            for child in node.children if node.type == "inline" else [node]:
                self.span(child, spans, {}, open_tags)
        text = _merge(spans)
        for mark, depth in open_tags.items():
            if depth > 0:  # an opening tag without its closing one marks the rest of the paragraph
                tag = next(tag for tag, name in MARK_TAGS.items() if name == mark)
                self.warn(f"<{tag}> is not closed: the rest of the paragraph is {mark_name(mark)}; "
                          f"add </{tag}> where it should end")
        struck = " / ".join(span.text.strip() for span in text if span.struck and span.text.strip())
        if struck:
            self.warn(f"struck-through text {excerpt(struck)}: is it meant to reach clients? The handout shows "
                      f"it struck through, the narration leaves it out (it reads {excerpt(current_words(text))})")
        return text

    def span(self, node: SyntaxTreeNode, out: list[Span], style: dict, open_tags: dict) -> None:
        """Add the spans of `node`; `style` holds its marks and link, `open_tags` the inline HTML
        marks opened earlier in the same line of siblings (`<sup>` … `</sup>`)."""
        kind = node.type
        styled = {**style, **{mark: True for mark, depth in open_tags.items() if depth > 0}}
        if kind == "text":
            out.append(Span(node.content, **styled))
        elif kind == "softbreak":
            out.append(Span(" ", **styled))
        elif kind == "hardbreak":
            out.append(Span("\n", **styled))
        elif kind == "code_inline":
            out.append(Span(node.content, **{**styled, "code": True}))
        elif kind == "html_inline":
            tag = node.content.strip().lower()
            if tag in _MARK_TOKENS:
                mark, opening = _MARK_TOKENS[tag]
                open_tags[mark] = max(0, open_tags.get(mark, 0) + (1 if opening else -1))
            else:
                self.warn(f"raw HTML {excerpt(node.content.strip(), 40)} dropped")
        elif kind == "image":
            self.warn(f"image {excerpt(str(node.attrs.get('src', '')))} dropped (images are not embedded)")
        else:
            inner = dict(style)
            if kind == "em":
                inner["emphasis"] = True
            elif kind == "strong":
                inner["strong"] = True
            elif kind == "s":
                inner["struck"] = True
            elif kind == "link":
                target = str(node.attrs.get("href", ""))
                if target.lower().startswith(SAFE_LINK_SCHEMES):
                    inner["href"] = target
                else:
                    self.warn(f"link to {excerpt(target)} kept as plain text")
            for child in node.children:
                self.span(child, out, inner, open_tags)


def _shallow_inline(tokens: list[Token]) -> list[Token]:
    """The inline tokens with marks nested past MAX_INLINE_NESTING unwrapped; their text stays."""
    kept: list[Token] = []
    opened: list[bool] = []  # for each open mark, whether its tokens were kept
    for token in tokens:
        if token.nesting == 1:
            keep = sum(opened) < MAX_INLINE_NESTING
            opened.append(keep)
        elif token.nesting == -1:
            keep = opened.pop() if opened else True
        else:
            keep = True
        if keep:
            kept.append(token)
    return kept


def _merge(spans: list[Span]) -> Text:
    """Join neighbouring spans of the same style so renderers see whole runs of text."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = merged[-1] if merged else None
        if last and last.style == span.style:
            merged[-1] = _joined(last, span)
        else:
            merged.append(span)
    return tuple(merged)


def _joined(first: Span, second: Span) -> Span:
    return replace(first, text=first.text + second.text)


def _has_words(text: Text) -> bool:
    return any(span.text.strip() for span in text)
