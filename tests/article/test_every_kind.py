"""Every kind of block and every mark goes through the estimate, the handout, the script, the e-mail
text and an import round trip: a kind one of them forgets fails here, not in a client's hands."""

from __future__ import annotations

import email
from dataclasses import dataclass
from email.policy import default
from typing import get_args

import pytest

from pipeline.article import MARKS, Article, Block, block_kind, body_text
from pipeline.audio import narration_script, rough_listening_ms
from pipeline.email import render_email
from pipeline.handout import handout_html
from pipeline.importing.markdown_writer import to_markdown
from pipeline.sources import Practice, parse_article, parse_body

FRONT = "---\ntitle: Every kind\nupdated: 2025-03-14\n---\n\n"


@dataclass(frozen=True)
class Kind:
    name: str  # a block kind (as block_kind names it) or a mark
    body: str  # Markdown holding the word
    word: str  # the word the kind carries ("" for a rule)
    html: str  # what the handout must hold around it
    spoken: bool = True  # whether the voice says the word


KINDS = (
    Kind("heading", "Intro words.\n\n## Zebraheading here\n\nMore words.", "Zebraheading",
         "<h2>Zebraheading here</h2>"),
    Kind("paragraph", "A Zebraparagraph sentence.", "Zebraparagraph", "<p>A Zebraparagraph sentence.</p>"),
    Kind("bullet_list", "- Zebrabullet item\n- another", "Zebrabullet", "<li>Zebrabullet item</li>"),
    Kind("ordered_list", "3. Zebraordered item\n4. another", "Zebraordered", '<ol start="3"'),
    Kind("quote", "> A Zebraquote said.", "Zebraquote", "<blockquote>"),
    Kind("code_block", "```\nZebracode line\n```", "Zebracode", "<pre>Zebracode line</pre>"),
    Kind("table", "| Name | Note |\n| --- | --- |\n| Zebratable | two |", "Zebratable", "<td>Zebratable</td>"),
    Kind("rule", "Before.\n\n---\n\nAfter.", "", "<hr>"),
    Kind("strong", "Some **Zebrastrong** words.", "Zebrastrong", "<strong>Zebrastrong</strong>"),
    Kind("emphasis", "Some *Zebraemphasis* words.", "Zebraemphasis", "<em>Zebraemphasis</em>"),
    Kind("struck", "Take ~~Zebrastruck tablets~~ one tablet.", "Zebrastruck",
         '<del><span class="struck-label">struck through: </span>Zebrastruck tablets</del>', spoken=False),
    Kind("superscript", "Worry is common.<sup>Zebrasup</sup> Sleep helps.", "Zebrasup", "<sup>Zebrasup</sup>"),
    Kind("subscript", "Breathe out CO<sub>Zebrasub</sub> slowly.", "Zebrasub", "<sub>Zebrasub</sub>"),
    Kind("code", "Type `Zebracodespan` here.", "Zebracodespan", "<code>Zebracodespan</code>"),
    Kind("link", "Read [the Zebralink guide](https://www.example.org/guide).", "Zebralink",
         '<a href="https://www.example.org/guide">the Zebralink guide'),
)


def test_the_table_names_every_kind_of_block_and_every_mark() -> None:
    kinds = {kind.name for kind in KINDS}
    blocks = {block_kind(_example(kind)) for kind in get_args(Block)}
    assert blocks <= kinds
    assert set(MARKS) <= kinds


def _example(kind: type) -> Block:
    """One block of each kind, to learn the name the traversal gives it."""
    fields: dict[str, object] = {name: () for name in getattr(kind, "__dataclass_fields__", {})}
    if "level" in fields:
        fields["level"] = 2
    if kind.__name__ == "CodeBlock":
        fields["text"] = ""
    return kind(**fields)


def _article(kind: Kind) -> Article:
    return parse_article((FRONT + kind.body + "\n").encode(), f"{kind.name}.md", default_slug="every-kind")


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_every_kind_reaches_every_output(kind: Kind, practice: Practice) -> None:
    article = _article(kind)
    # The estimates count it: the limits see what the handout prints and the voice may read.
    assert kind.word in body_text(article)
    bare = _article(Kind(kind.name, "Before.", "", ""))
    assert rough_listening_ms(article, practice) > rough_listening_ms(bare, practice) or not kind.word
    # The handout shows it, marked as written.
    assert kind.html in handout_html(article, practice, "regular")
    # The voice says it, or (struck through) never says it as current text.
    spoken = " ".join(segment.spoken for segment in narration_script(article, practice).segments)
    written = " ".join(segment.written for segment in narration_script(article, practice).segments)
    if kind.word:
        assert (kind.word.lower() in spoken.lower()) is kind.spoken
        assert (kind.word in written) is kind.spoken
    # The e-mail's text part renders, and never carries struck-through words as current.
    draft = email.message_from_bytes(render_email(article, practice, b"%PDF-1.7", None, None), policy=default)
    text = next(part for part in draft.walk() if part.get_content_type() == "text/plain").get_content()
    assert article.summary in text
    assert kind.name != "struck" or kind.word not in text
    # The importer's Markdown writer gives back the same blocks.
    blocks, warnings = parse_body(to_markdown(article.blocks))
    assert blocks == article.blocks
