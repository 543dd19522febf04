"""Code blocks count like any text in the limits: the handout prints them and the voice reads them."""

from __future__ import annotations

from pathlib import Path

from pipeline.building import over_limits
from pipeline.settings import Settings
from pipeline.sources import Practice, parse_article


def _fenced(size: int) -> bytes:
    lines = "\n".join(f"line {n}: breathe in for four, hold for seven, out for eight." for n in range(size // 60))
    return f"---\ntitle: Breathing\nsummary: A long block.\n---\n\nIntro.\n\n```\n{lines}\n```\n".encode()


def test_a_huge_code_block_is_over_the_listening_limit(practice: Practice) -> None:
    article = parse_article(_fenced(420_000), "code.md", default_slug="code")
    problems = over_limits(article, practice, Settings(sources=Path("sources")))
    assert any("narration would run about" in problem and "max_listening_minutes" in problem for problem in problems)


def test_a_long_code_block_is_over_the_page_limit(practice: Practice) -> None:
    article = parse_article(_fenced(120_000), "code.md", default_slug="code")
    problems = over_limits(article, practice, Settings(sources=Path("sources")))
    assert any("handout would run about" in problem and "max_handout_pages = 40" in problem for problem in problems)
