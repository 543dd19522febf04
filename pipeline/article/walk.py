"""The one traversal of the article model: a visitor with a method per kind of block.

Every place that reads an article's body — the estimates, the outline, the narrator, the
templates, the Markdown writer, `check` — subclasses `BlockVisitor`, so a kind of block that one
of them does not handle fails the type check (`assert_never`) and cannot be instantiated
(`abc`), instead of vanishing from an output.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import Generic, TypeVar, assert_never

from pipeline.article.model import (
    Block,
    BulletList,
    CodeBlock,
    Heading,
    Mark,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Table,
)

T = TypeVar("T")


class BlockVisitor(ABC, Generic[T]):
    """Visit a block by its kind; subclasses answer every kind."""

    def visit(self, block: Block) -> T:
        match block:
            case Heading():
                return self.heading(block)
            case Paragraph():
                return self.paragraph(block)
            case BulletList():
                return self.bullet_list(block)
            case OrderedList():
                return self.ordered_list(block)
            case Quote():
                return self.quote(block)
            case CodeBlock():
                return self.code_block(block)
            case Table():
                return self.table(block)
            case Rule():
                return self.rule(block)
            case _:
                assert_never(block)

    def visit_all(self, blocks: Iterable[Block]) -> list[T]:
        return [self.visit(block) for block in blocks]

    @abstractmethod
    def heading(self, block: Heading) -> T: ...

    @abstractmethod
    def paragraph(self, block: Paragraph) -> T: ...

    @abstractmethod
    def bullet_list(self, block: BulletList) -> T: ...

    @abstractmethod
    def ordered_list(self, block: OrderedList) -> T: ...

    @abstractmethod
    def quote(self, block: Quote) -> T: ...

    @abstractmethod
    def code_block(self, block: CodeBlock) -> T: ...

    @abstractmethod
    def table(self, block: Table) -> T: ...

    @abstractmethod
    def rule(self, block: Rule) -> T: ...


class _Kind(BlockVisitor[str]):
    def heading(self, block: Heading) -> str:
        return "heading"

    def paragraph(self, block: Paragraph) -> str:
        return "paragraph"

    def bullet_list(self, block: BulletList) -> str:
        return "bullet_list"

    def ordered_list(self, block: OrderedList) -> str:
        return "ordered_list"

    def quote(self, block: Quote) -> str:
        return "quote"

    def code_block(self, block: CodeBlock) -> str:
        return "code_block"

    def table(self, block: Table) -> str:
        return "table"

    def rule(self, block: Rule) -> str:
        return "rule"


_KIND = _Kind()


def block_kind(block: Block) -> str:
    """'heading', 'paragraph', …: the name a template's macro for the block is found by."""
    return _KIND.visit(block)


def mark_name(mark: Mark) -> str:
    """How a mark is named to an editor: 'struck-through', 'superscript', …"""
    match mark:
        case "strong":
            return "bold"
        case "emphasis":
            return "italic"
        case "struck":
            return "struck-through"
        case "superscript":
            return "superscript"
        case "subscript":
            return "subscript"
        case "code":
            return "code"
        case _:
            assert_never(mark)
