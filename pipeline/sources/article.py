"""The article model: one immutable value of typed blocks that every renderer reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Span:
    """A run of text with one style; `href` is set only for safe (http, https, mailto) links."""

    text: str
    emphasis: bool = False
    strong: bool = False
    code: bool = False
    href: str | None = None


Text = tuple[Span, ...]


def plain(text: Text) -> str:
    """The words of a run of spans, without styling."""
    return "".join(span.text for span in text)


@dataclass(frozen=True)
class Heading:
    level: int  # 2..6 in the body; the article title is the only level 1
    text: Text
    line: int | None = field(default=None, compare=False)  # in the source file, for editors' messages


@dataclass(frozen=True)
class Paragraph:
    text: Text
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class OrderedList:
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True)
class Quote:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class CodeBlock:
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Rule:
    """A thematic break (`---`)."""


Block = Heading | Paragraph | BulletList | OrderedList | Quote | CodeBlock | Table | Rule


@dataclass(frozen=True)
class Article:
    """One article, validated: front matter plus the body as typed blocks."""

    slug: str
    title: str
    summary: str  # the front matter's, or else the body's first sentence (summary_from_body)
    updated: date | None  # None: the article gives no date, and no "last updated" line is shown
    blocks: tuple[Block, ...]
    author: str | None = None
    canonical_url: str | None = None
    tags: tuple[str, ...] = ()
    language: str = "en"
    source: str = ""  # the file it was read from, for messages
    summary_from_body: bool = False
    warnings: tuple[str, ...] = field(default=(), compare=False)
    reviewed_by: str | None = None  # "Jane Doe, LCSW": the clinician who last reviewed it
    reviewed_on: date | None = None
    next_review: date | None = None  # None: reviewed_on plus the profile's review.every_years


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


def words(article: Article) -> str:
    """The body as plain prose, one block a line — for reading-level and length estimates."""
    lines: list[str] = []

    def walk(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, (Heading, Paragraph)):
                lines.append(plain(block.text))
            elif isinstance(block, (BulletList, OrderedList)):
                for item in block.items:
                    walk(item.blocks)
            elif isinstance(block, Quote):
                walk(block.blocks)
            elif isinstance(block, Table):
                for row in (block.header, *block.rows):
                    lines.append(" ".join(plain(cell) for cell in row))

    walk(article.blocks)
    return "\n".join(lines)
