"""Body step: the article's blocks walked in the narrator's order, each taking its own spoken sentences."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest

from pipeline.article import (
    Block,
    BlockVisitor,
    BulletList,
    CodeBlock,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Table,
    Text,
    plain,
)
from pipeline.audio import spoken_words
from pipeline.ebook.inline import cut, heard_positions, markup, sentence_bounds
from pipeline.ebook.narrated import NarratedBlocks
from pipeline.ebook.parts import Chapter, Divider, Grid, Lines, Nest, Node, Sentence, spaced


class ArticleBody(BlockVisitor[list[Node]]):
    """The book's nodes for the article's body; headings are numbered for the table of contents."""

    def __init__(self, reader: NarratedBlocks, chapters: list[Chapter]) -> None:
        self.reader = reader
        self.chapters = chapters

    def blocks(self, blocks: Sequence[Block]) -> list[Node]:
        return [node for nodes in self.visit_all(blocks) for node in nodes]

    def heading(self, block: Heading) -> list[Node]:
        shown = plain(block.text).strip()
        said = self.reader.take(spoken_words(block.text).strip(), "the heading")
        heading = f"heading-{len(self.chapters)}"
        self.chapters.append(Chapter(shown, heading, block.level))
        if said and len(said) == 1:  # the whole heading is one sentence: shown with its own marks
            said = [Sentence(said[0].text, said[0].id, said[0].clip, block.text)]
        return [Lines(f"h{block.level}", spaced(said or [Sentence(shown, styled=block.text)]), heading)]

    def paragraph(self, block: Paragraph) -> list[Node]:
        return [self.styled_paragraph(block.text)]

    def styled_paragraph(self, styled: Text, prefix: str = "") -> Lines:
        """The paragraph as the article styles it, cut at its spoken sentences."""
        shown, said_text = plain(styled), spoken_words(styled)
        said = self.reader.take(prefix + said_text, "the paragraph") if said_text.strip() else None
        if said is None:
            return Lines("p", (Sentence(shown.strip(), styled=styled),))
        if prefix and said[0].text.startswith(prefix):  # the list shows the number itself
            said[0] = Sentence(said[0].text[len(prefix):], said[0].id, said[0].clip)
        positions = heard_positions(styled, said_text)
        bounds = sentence_bounds(said_text, [sentence.text for sentence in said])
        if bounds is None or positions is None:
            return Lines("p", spaced(said))
        pieces: list[Sentence] = []
        position = len(shown) - len(shown.lstrip())
        for sentence, (start, end) in zip(said, bounds, strict=True):
            start, end = positions[start], positions[end - 1] + 1  # where the sentence lies in what is shown
            if start > position:  # between two sentences: a space, an emoji or struck words not read
                pieces.append(Sentence(shown[position:start], styled=cut(styled, position, start)))
            pieces.append(Sentence(sentence.text, sentence.id, sentence.clip, cut(styled, start, end)))
            position = end
        if shown[position:].strip():
            pieces.append(Sentence(shown[position:].rstrip(), styled=cut(styled, position, len(shown.rstrip()))))
        return Lines("p", tuple(pieces))

    def bullet_list(self, block: BulletList) -> list[Node]:
        return [Nest("ul", tuple(Nest("li", tuple(self.blocks(item.blocks))) for item in block.items))]

    def ordered_list(self, block: OrderedList) -> list[Node]:
        items: list[Node] = []
        for number, item in enumerate(block.items, start=block.start):
            inner: list[Node] = []
            for index, child in enumerate(item.blocks):
                if isinstance(child, Paragraph) and index == 0 and spoken_words(child.text).strip():
                    inner.append(self.styled_paragraph(child.text, f"{number}. "))
                else:
                    inner.extend(self.visit(child))
            items.append(Nest("li", tuple(inner)))
        return [Nest("ol", tuple(items), block.start)]

    def quote(self, block: Quote) -> list[Node]:
        return [Nest("blockquote", tuple(self.blocks(block.blocks)))]

    def code_block(self, block: CodeBlock) -> list[Node]:
        lines = [line.strip() for line in block.text.splitlines() if line.strip()]
        said = self.reader.take(" ".join(lines), "the code block")
        return [Lines("pre", tuple(said or [Sentence(line) for line in lines]))] if lines else []

    def table(self, block: Table) -> list[Node]:
        rows = [tuple(spoken_words(cell).strip() for cell in row) for row in block.rows]
        header = [spoken_words(cell).strip() for cell in block.header]
        expected = " ".join(f"{name} {cell}" for row in rows
                            for name, cell in zip_longest(header, row, fillvalue="") if cell)
        said = iter(self.reader.take(expected, "the table") or [])
        shown = [(tuple(markup(cell) for cell in row), next(said, Sentence("")) if any(spoken) else Sentence(""))
                 for row, spoken in zip(block.rows, rows, strict=True)]
        return [Grid(tuple(markup(cell) for cell in block.header), tuple(shown))]

    def rule(self, block: Rule) -> list[Node]:
        return [Divider()]
