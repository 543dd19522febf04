"""The article model: one immutable value of typed blocks that every renderer reads.

Every string is cleaned as it enters the model (`cleaning`): a `Span`, a code block's text and
the article's own fields cannot hold bidirectional overrides or hidden characters, whoever built
them (the Markdown reader, an importer, a test).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

from pipeline.article.cleaning import clean_line, clean_text

# How a run of text is marked, outermost first: the order renderers nest them in.
Mark = Literal["strong", "emphasis", "struck", "superscript", "subscript", "code"]
MARKS: tuple[Mark, ...] = get_args(Mark)


@dataclass(frozen=True)
class Span:
    """A run of text with its marks; `href` is set only for safe (http, https, mailto) links.

    `struck` is struck-through text (Markdown `~~…~~`, HTML `<del>`/`<s>`, Word strikethrough):
    shown struck through, never spoken as if it were current text.
    """

    text: str
    emphasis: bool = False
    strong: bool = False
    code: bool = False
    href: str | None = None
    struck: bool = False
    superscript: bool = False
    subscript: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text))

    @property
    def marks(self) -> tuple[Mark, ...]:
        """The span's marks, outermost first."""
        return tuple(mark for mark in MARKS if getattr(self, mark))

    @property
    def style(self) -> tuple[tuple[Mark, ...], str | None]:
        """What two neighbouring spans must share to be one run."""
        return self.marks, self.href


Text = tuple[Span, ...]


def plain(text: Text) -> str:
    """The words of a run of spans, without styling (struck-through words included)."""
    return "".join(span.text for span in text)


def current_words(text: Text) -> str:
    """The words a reader takes as current: the spans that are not struck through."""
    return "".join(span.text for span in text if not span.struck)


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text))


@dataclass(frozen=True)
class Table:
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Rule:
    """A thematic break (`---`)."""


Block = Heading | Paragraph | BulletList | OrderedList | Quote | CodeBlock | Table | Rule

# An imported article is a draft until a person approves it (front matter `status: draft`).
Status = Literal["draft", "published"]
STATUSES: tuple[Status, ...] = get_args(Status)


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
    status: Status = "published"  # "draft": imported and not yet approved by a person
    import_findings: tuple[str, ...] = ()  # the import's open review items (front matter `review_items:`)

    @property
    def is_draft(self) -> bool:
        """Imported and not yet approved: for staff only, never for clients."""
        return self.status == "draft"

    def __post_init__(self) -> None:
        for name in ("title", "summary"):
            object.__setattr__(self, name, clean_line(getattr(self, name)))
        if self.author is not None:
            object.__setattr__(self, "author", clean_line(self.author) or None)
        if self.reviewed_by is not None:
            object.__setattr__(self, "reviewed_by", clean_line(self.reviewed_by) or None)
        object.__setattr__(self, "tags", tuple(tag for tag in map(clean_line, self.tags) if tag))
