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

from pipeline.article import Article
from pipeline.audio import Cue, Script
from pipeline.ebook.body import ArticleBody
from pipeline.ebook.narrated import NarratedBlocks
from pipeline.ebook.parts import Chapter, Grid, Lines, Nest, Node, Sentence, spaced
from pipeline.errors import RenderError


@dataclass(frozen=True)
class Text:
    """The book's text: the article (opening with the title) and the practice's stamp, in reading order."""

    article: tuple[Node, ...]
    stamp: tuple[Node, ...]
    chapters: tuple[Chapter, ...]
    stamp_heading: Chapter
    body: tuple[Node, ...] = ()  # the article's own blocks: `article` without its title and opening lines

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


def book_text(article: Article, script: Script, cues: Sequence[Cue] | None = None,
              dateline: str | None = None) -> Text:
    """The article and stamp as the book shows them, each read sentence paired with its cue;
    `dateline` ("Last updated …") is shown under the title, not read."""
    reader = NarratedBlocks(script, cues)
    chapters: list[Chapter] = []
    title = reader.take(article.title, "the title") or [Sentence(article.title)]
    opening: list[Node] = [Lines("h1", spaced(title), "title")]
    chapters.append(Chapter(article.title, "title", 1))
    if reader.groups and reader.groups[0][0][1].kind == "stamp":  # "An audio handout from …"
        opening.append(Lines("p", spaced(reader.next_block())))
    if dateline:
        opening.append(Lines("p", (Sentence(dateline),)))
    body = ArticleBody(reader, chapters).blocks(article.blocks)
    outro = reader.rest()
    if not outro:
        raise RenderError("the narration script has no stamp to end the book with")
    heading, *paragraphs = outro
    stamp_heading = Chapter(heading[0].text, "about", 2)
    stamp_nodes = (Lines("h2", spaced(heading), "about"), *(Lines("p", spaced(group)) for group in paragraphs))
    return Text((*opening, *body), stamp_nodes, tuple(chapters), stamp_heading, tuple(body))
