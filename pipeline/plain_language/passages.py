"""Plain-language step one: an article's body as passages of prose, each with its line in the source file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline.sources import (
    Article,
    Block,
    BulletList,
    CodeBlock,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Table,
    plain,
    sentences,
)

Kind = Literal["heading", "paragraph", "item", "step", "quote", "cell"]
PROSE: tuple[Kind, ...] = ("paragraph", "item", "step", "quote", "cell")


@dataclass(frozen=True)
class Passage:
    """One heading, paragraph, list item or table row as plain words; `line` is where it starts."""

    kind: Kind
    text: str
    line: int | None

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(sentences(self.text))

    @property
    def words(self) -> int:
        return len(self.text.split())


def passages(article: Article) -> tuple[Passage, ...]:
    """Every passage of the body in reading order; code blocks and rules are not prose and are left out."""
    found: list[Passage] = []

    def walk(blocks: tuple[Block, ...], kind: Kind, line: int | None) -> None:
        for block in blocks:
            match block:
                case Heading():
                    found.append(Passage("heading", _words(plain(block.text)), block.line or line))
                case Paragraph():
                    found.append(Passage(kind, _words(plain(block.text)), block.line or line))
                case BulletList() | OrderedList():
                    for item in block.items:
                        walk(item.blocks, "step" if isinstance(block, OrderedList) else "item", line)
                case Quote():
                    walk(block.blocks, "quote", line)
                case Table():
                    rows = (block.header, *block.rows) if block.header else block.rows
                    for number, row in enumerate(rows):
                        # the header row, then the delimiter row, then one line per row
                        row_line = None if block.line is None else block.line + number + (1 if number else 0)
                        found.append(Passage("cell", _words(". ".join(plain(cell) for cell in row)), row_line))
                case CodeBlock() | Rule():
                    pass

    walk(article.blocks, "paragraph", None)
    return tuple(passage for passage in found if passage.text)


def prose(found: tuple[Passage, ...]) -> tuple[Passage, ...]:
    """The passages a reader reads as sentences: everything but headings."""
    return tuple(passage for passage in found if passage.kind in PROSE)


def _words(text: str) -> str:
    return " ".join(text.split())
