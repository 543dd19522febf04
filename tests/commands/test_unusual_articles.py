"""Valid but unusual articles build: emoji, right-to-left text, invisible characters, deep lists,
tables, code, Windows line endings with a byte-order mark, and a very long article."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest

from pipeline.article.model import BulletList
from pipeline.audio.spoken_script.narration import narration_script
from pipeline.handout.html import render_handout
from pipeline.sources.articles import parse_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
UNUSUAL = (FIXTURES / "article_with_emoji_rtl_and_invisible_characters.md").read_bytes()
INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff]")
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


def long_article(paragraphs: int) -> bytes:
    body = "\n\n".join(
        (f"## Part {n // 10 + 1}\n\n" if n % 10 == 0 else "")
        + f"Paragraph {n + 1} says one plain thing. It then says a second plain thing, kindly."
        for n in range(paragraphs))
    return (f"---\ntitle: A Very Long Article\nsummary: Many parts.\nupdated: 2025-01-02\n---\n\n{body}\n").encode()


@pytest.mark.parametrize("raw", [UNUSUAL, b"\xef\xbb\xbf" + UNUSUAL.replace(b"\n", b"\r\n")],
                         ids=["as_written", "bom_and_windows_line_endings"])
def test_unusual_article_renders_both_editions(raw, practice):
    article = parse_article(raw, "unusual.md", default_slug="unusual")
    nested = article.blocks[3]
    depth = 0
    while isinstance(nested, BulletList):
        depth += 1
        nested = nested.items[0].blocks[-1]
    assert depth == 5
    for edition in ("regular", "large-print"):
        with pikepdf.open(io.BytesIO(render_handout(article, practice, edition))) as pdf:
            assert len(pdf.pages) >= 2
            assert str(pdf.Root.Lang) == "en"


def test_voice_is_given_no_emoji_or_invisible_characters(practice):
    script = narration_script(parse_article(UNUSUAL, "unusual.md", default_slug="unusual"), practice)
    spoken = " ".join(segment.spoken for segment in script.segments)
    assert not INVISIBLE.search(spoken) and not EMOJI.search(spoken)
    assert "Feelings and Words" in spoken and "breathe out six" in spoken
    assert "Panic" in spoken and "Level five" in spoken


def test_very_long_article_builds_every_part(practice):
    article = parse_article(long_article(300), "long.md", default_slug="long")
    script = narration_script(article, practice)
    assert len(script.chapter_titles()) == 32  # introduction, thirty parts, the practice's details
    assert sum(segment.written.startswith("Paragraph 300 ") for segment in script.segments) == 1
    with pikepdf.open(io.BytesIO(render_handout(article, practice, "regular"))) as pdf:
        assert len(pdf.pages) >= 12
        with pdf.open_outline() as outline:
            titles = []
            items = list(outline.root)
            while items:
                item = items.pop()
                titles.append(item.title)
                items.extend(item.children)
        assert {f"Part {n}" for n in range(1, 31)} <= set(titles)
