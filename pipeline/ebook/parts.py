"""The parts of the book's text: sentences, and the headings, paragraphs, lists and tables that hold them."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from pipeline.article import Text
from pipeline.ebook.inline import markup


@dataclass(frozen=True)
class Sentence:
    """One sentence as shown; `id` and `clip` (start and end in ms) when the voice reads it."""

    text: str
    id: str | None = None
    clip: tuple[int, int] | None = None
    styled: Text = ()  # the article's own spans for it (emphasis, links), when known

    @property
    def html(self) -> Markup:
        return markup(self.styled) if self.styled else escape(self.text)


@dataclass(frozen=True)
class Lines:
    """A heading (`h1`…`h6`), paragraph (`p`) or code block (`pre`): its sentences in order."""

    tag: str
    sentences: tuple[Sentence, ...]
    id: str | None = None  # a heading's own id, which the table of contents links to


@dataclass(frozen=True)
class Nest:
    """A list (`ul`, `ol` with `start`), list item (`li`) or quotation (`blockquote`) and what it holds."""

    tag: str
    children: tuple[Node, ...]
    start: int = 1


@dataclass(frozen=True)
class Grid:
    """A table: the header cells, and each row's cells with the row's spoken sentence (if read)."""

    header: tuple[Markup, ...]
    rows: tuple[tuple[tuple[Markup, ...], Sentence], ...]


@dataclass(frozen=True)
class Divider:
    """A thematic break."""


Node = Lines | Nest | Grid | Divider


@dataclass(frozen=True)
class Chapter:
    """A heading's text and the id of its element, for the navigation document."""

    title: str
    id: str
    level: int


def spaced(sentences: list[Sentence] | tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Sentences with a space between each two, as a paragraph shows them."""
    found: list[Sentence] = []
    for sentence in sentences:
        found += [Sentence(" "), sentence] if found else [sentence]
    return tuple(found)
