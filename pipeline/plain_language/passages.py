"""Plain-language step one: an article's body as passages of prose, each with its line in the source file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline.article import (
    Article,
    BlockVisitor,
    BulletList,
    CodeBlock,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Table,
    plain,
)
from pipeline.language import split_sentences

Kind = Literal["heading", "paragraph", "item", "step", "quote", "cell"]
PROSE: tuple[Kind, ...] = ("paragraph", "item", "step", "quote", "cell")


@dataclass(frozen=True)
class Passage:
    """One heading, paragraph, list item or table row as plain words; `line` is where it starts."""

    kind: Kind
    text: str
    line: int | None
    sentences: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        return len(self.text.split())


class _Passages(BlockVisitor[list[Passage]]):
    """The passages of a block; a paragraph inside a list or quote takes the kind of what holds it."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.kind: Kind = "paragraph"

    def passage(self, kind: Kind, text: str, line: int | None) -> list[Passage]:
        text = " ".join(text.split())
        return [Passage(kind, text, line, tuple(split_sentences(text, self.language)))] if text else []

    def inside(self, kind: Kind, blocks: tuple) -> list[Passage]:
        outer, self.kind = self.kind, kind
        try:
            return [passage for block in blocks for passage in self.visit(block)]
        finally:
            self.kind = outer

    def heading(self, block: Heading) -> list[Passage]:
        return self.passage("heading", plain(block.text), block.line)

    def paragraph(self, block: Paragraph) -> list[Passage]:
        return self.passage(self.kind, plain(block.text), block.line)

    def bullet_list(self, block: BulletList) -> list[Passage]:
        return [passage for item in block.items for passage in self.inside("item", item.blocks)]

    def ordered_list(self, block: OrderedList) -> list[Passage]:
        return [passage for item in block.items for passage in self.inside("step", item.blocks)]

    def quote(self, block: Quote) -> list[Passage]:
        return self.inside("quote", block.blocks)

    def code_block(self, block: CodeBlock) -> list[Passage]:
        return []  # not prose

    def table(self, block: Table) -> list[Passage]:
        rows = (block.header, *block.rows) if block.header else block.rows
        found = []
        for number, row in enumerate(rows):
            # the header row, then the delimiter row, then one line per row
            line = None if block.line is None else block.line + number + (1 if number else 0)
            found.extend(self.passage("cell", ". ".join(plain(cell) for cell in row), line))
        return found

    def rule(self, block: Rule) -> list[Passage]:
        return []


def passages(article: Article) -> tuple[Passage, ...]:
    """Every passage of the body in reading order; code blocks and rules are not prose and are left out."""
    return tuple(passage for block in article.blocks for passage in _Passages(article.language).visit(block))


def prose(found: tuple[Passage, ...]) -> tuple[Passage, ...]:
    """The passages a reader reads as sentences: everything but headings."""
    return tuple(passage for passage in found if passage.kind in PROSE)
