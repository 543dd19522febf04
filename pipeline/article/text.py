"""The body read as text: sections under each H2, and the plain words estimates and measures count."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.article.model import (
    Article,
    Block,
    BulletList,
    CodeBlock,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Span,
    Table,
    Text,
    plain,
)
from pipeline.article.walk import BlockVisitor


@dataclass(frozen=True)
class Section:
    """A stretch of the body under one H2 heading (or before the first one)."""

    heading: Heading | None
    blocks: tuple[Block, ...]


def sections(article: Article) -> tuple[Section, ...]:
    """Split the body at its H2 headings; the opening stretch has no heading."""
    result: list[Section] = []
    heading: Heading | None = None
    current: list[Block] = []
    for block in article.blocks:
        if isinstance(block, Heading) and block.level == 2:
            if heading is not None or current:
                result.append(Section(heading, tuple(current)))
            heading, current = block, []
        else:
            current.append(block)
    if heading is not None or current:
        result.append(Section(heading, tuple(current)))
    return tuple(result)


class _Lines(BlockVisitor[list[str]]):
    """Every printed word of a block, a line per paragraph, item, row or line of code."""

    def heading(self, block: Heading) -> list[str]:
        return [plain(block.text)]

    def paragraph(self, block: Paragraph) -> list[str]:
        return [plain(block.text)]

    def bullet_list(self, block: BulletList) -> list[str]:
        return [line for item in block.items for inner in item.blocks for line in self.visit(inner)]

    def ordered_list(self, block: OrderedList) -> list[str]:
        return [line for item in block.items for inner in item.blocks for line in self.visit(inner)]

    def quote(self, block: Quote) -> list[str]:
        return [line for inner in block.blocks for line in self.visit(inner)]

    def code_block(self, block: CodeBlock) -> list[str]:
        return block.text.splitlines()

    def table(self, block: Table) -> list[str]:
        return [" ".join(plain(cell) for cell in row) for row in (block.header, *block.rows)]

    def rule(self, block: Rule) -> list[str]:
        return []


_LINES = _Lines()


def body_text(article: Article) -> str:
    """The body as plain text, one paragraph, item, row or line of code a line: everything the
    handout prints and the voice may read, for the estimates and the reading level."""
    return "\n".join(line for block in article.blocks for line in _LINES.visit(block))


class _Runs(BlockVisitor[list[Text]]):
    """Every run of text in a block, in reading order: headings, paragraphs, items, cells, code."""

    def heading(self, block: Heading) -> list[Text]:
        return [block.text]

    def paragraph(self, block: Paragraph) -> list[Text]:
        return [block.text]

    def bullet_list(self, block: BulletList) -> list[Text]:
        return [run for item in block.items for inner in item.blocks for run in self.visit(inner)]

    def ordered_list(self, block: OrderedList) -> list[Text]:
        return [run for item in block.items for inner in item.blocks for run in self.visit(inner)]

    def quote(self, block: Quote) -> list[Text]:
        return [run for inner in block.blocks for run in self.visit(inner)]

    def code_block(self, block: CodeBlock) -> list[Text]:
        return [(Span(block.text, code=True),)]

    def table(self, block: Table) -> list[Text]:
        return [cell for row in (block.header, *block.rows) for cell in row]

    def rule(self, block: Rule) -> list[Text]:
        return []


_RUNS = _Runs()


def text_runs(blocks: tuple[Block, ...] | list[Block]) -> list[Text]:
    """Every run of text in the blocks, nested ones included, in reading order."""
    return [run for block in blocks for run in _RUNS.visit(block)]
