"""Reading step: the article's blocks and the narration script become the book's text, sentence by sentence.

The book shows the article with its structure (headings, lists, quotes, tables), and every sentence
the voice reads is an element of its own, numbered after its place in the narration script. The
script's segments are taken block by block in the order the narrator reads the article, so each
sentence on the page is the very segment whose caption cue times it: nothing is matched by guesswork.
Text the voice does not read (an emoji-only line, a table's header row) is still shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import assert_never

from pipeline.audio import Cue, Script
from pipeline.ebook.inline import cut, sentence_bounds
from pipeline.ebook.narrated import NarratedBlocks
from pipeline.ebook.sentence import Sentence
from pipeline.errors import RenderError
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
)
from pipeline.sources import Text as StyledText


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

    header: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], Sentence], ...]


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


@dataclass(frozen=True)
class Text:
    """The book's text: the article (opening with the title) and the practice's stamp, in reading order."""

    article: tuple[Node, ...]
    stamp: tuple[Node, ...]
    chapters: tuple[Chapter, ...]
    stamp_heading: Chapter

    def sentences(self, part: str) -> list[Sentence]:
        """Every sentence of "article" or "stamp", in document order."""
        found: list[Sentence] = []

        def walk(nodes: Sequence[Node]) -> None:
            for node in nodes:
                if isinstance(node, Lines):
                    found.extend(node.sentences)
                elif isinstance(node, Nest):
                    walk(node.children)
                elif isinstance(node, Grid):
                    found.extend(sentence for _cells, sentence in node.rows)

        walk(self.article if part == "article" else self.stamp)
        return found


def _spaced(sentences: Sequence[Sentence]) -> tuple[Sentence, ...]:
    """Sentences with a space between each two, as a paragraph shows them."""
    spaced: list[Sentence] = []
    for sentence in sentences:
        spaced += [Sentence(" "), sentence] if spaced else [sentence]
    return tuple(spaced)


def book_text(article: Article, script: Script, cues: Sequence[Cue] | None = None,
              dateline: str | None = None) -> Text:
    """The article and stamp as the book shows them, each read sentence paired with its cue;
    `dateline` ("Last updated …") is shown under the title, not read."""
    reader = NarratedBlocks(script, cues)
    chapters: list[Chapter] = []
    title = reader.take(article.title, "the title") or [Sentence(article.title)]
    opening: list[Node] = [Lines("h1", _spaced(title), "title")]
    chapters.append(Chapter(article.title, "title", 1))
    if reader.groups and reader.groups[0][0][1].kind == "stamp":  # "An audio handout from …"
        opening.append(Lines("p", _spaced(reader.next_block())))
    if dateline:
        opening.append(Lines("p", (Sentence(dateline),)))
    body = _Body(reader, chapters).blocks(article.blocks)
    outro = reader.rest()
    if not outro:
        raise RenderError("the narration script has no stamp to end the book with")
    heading, *paragraphs = outro
    stamp_heading = Chapter(heading[0].text, "about", 2)
    stamp_nodes = (Lines("h2", _spaced(heading), "about"), *(Lines("p", _spaced(group)) for group in paragraphs))
    return Text((*opening, *body), stamp_nodes, tuple(chapters), stamp_heading)


class _Body:
    """Walks the article's blocks in the narrator's order, taking each block's sentences."""

    def __init__(self, reader: NarratedBlocks, chapters: list[Chapter]) -> None:
        self.reader = reader
        self.chapters = chapters

    def blocks(self, blocks: Sequence[Block]) -> list[Node]:
        return [node for block in blocks for node in self.block(block)]

    def block(self, block: Block) -> list[Node]:
        match block:
            case Heading():
                text = plain(block.text).strip()
                said = self.reader.take(text, "the heading")
                heading = f"heading-{len(self.chapters)}"
                self.chapters.append(Chapter(text, heading, block.level))
                return [Lines(f"h{block.level}", _spaced(said or [Sentence(text)]), heading)]
            case Paragraph():
                return [self.paragraph(block.text)]
            case BulletList() | OrderedList():
                return [self.listing(block)]
            case Quote():
                return [Nest("blockquote", tuple(self.blocks(block.blocks)))]
            case CodeBlock():
                lines = [line.strip() for line in block.text.splitlines() if line.strip()]
                said = self.reader.take(" ".join(lines), "the code block")
                return [Lines("pre", tuple(said or [Sentence(line) for line in lines]))] if lines else []
            case Table():
                return [self.table(block)]
            case Rule():
                return [Divider()]
            case _:
                assert_never(block)

    def paragraph(self, styled: StyledText, prefix: str = "") -> Lines:
        """The paragraph as the article styles it, cut at its spoken sentences."""
        shown = plain(styled)
        said = self.reader.take(prefix + shown, "the paragraph")
        if said is None:
            return Lines("p", (Sentence(shown.strip(), styled=styled),))
        if prefix and said[0].text.startswith(prefix):  # the list shows the number itself
            said[0] = Sentence(said[0].text[len(prefix):], said[0].id, said[0].clip)
        bounds = sentence_bounds(shown, [sentence.text for sentence in said])
        if bounds is None:
            return Lines("p", _spaced(said))
        pieces: list[Sentence] = []
        position = len(shown) - len(shown.lstrip())
        for sentence, (start, end) in zip(said, bounds, strict=True):
            if start > position:  # what lies between two sentences: a space, or an emoji not read
                pieces.append(Sentence(shown[position:start], styled=cut(styled, position, start)))
            pieces.append(Sentence(sentence.text, sentence.id, sentence.clip, cut(styled, start, end)))
            position = end
        if shown[position:].strip():
            pieces.append(Sentence(shown[position:].rstrip(), styled=cut(styled, position, len(shown.rstrip()))))
        return Lines("p", tuple(pieces))

    def listing(self, block: BulletList | OrderedList) -> Nest:
        ordered = isinstance(block, OrderedList)
        start = block.start if isinstance(block, OrderedList) else 1
        items: list[Node] = []
        for number, item in enumerate(block.items, start=start):
            inner: list[Node] = []
            for index, child in enumerate(item.blocks):
                if isinstance(child, Paragraph) and ordered and index == 0:
                    inner.append(self.paragraph(child.text, f"{number}. "))
                else:
                    inner.extend(self.block(child))
            items.append(Nest("li", tuple(inner)))
        return Nest("ol" if ordered else "ul", tuple(items), start)

    def table(self, block: Table) -> Grid:
        header = tuple(plain(cell).strip() for cell in block.header)
        rows = [tuple(plain(cell).strip() for cell in row) for row in block.rows]
        expected = " ".join(f"{name} {cell}" for row in rows
                            for name, cell in zip_longest(header, row, fillvalue="") if cell)
        said = iter(self.reader.take(expected, "the table") or [])
        return Grid(header, tuple((row, next(said, Sentence(""))) if any(row) else (row, Sentence(""))
                                  for row in rows))
