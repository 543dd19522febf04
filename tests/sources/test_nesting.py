"""Deep nesting never cuts text silently: it is read whole, or refused naming its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.article import plain, text_runs
from pipeline.errors import SourceError
from pipeline.importing.importer import import_page
from pipeline.sources import parse_article


def parse(body: str):
    return parse_article(f"---\ntitle: Steps\n---\n\n{body}".encode(), "sources/articles/steps.md",
                         default_slug="steps")


def words(article) -> list[str]:
    return [plain(text) for text in text_runs(article.blocks)]


def outline(depth: int, prefix: str = "") -> str:
    """A Word-style outline: one item per level, each inside the one before."""
    return "".join(f"{prefix}{'  ' * level}- Level {level + 1} of the outline\n" for level in range(depth))


@pytest.mark.parametrize(("depth", "prefix"), [(10, ""), (10, "> "), (19, "> ")],
                         ids=["outline-10", "outline-10-in-a-quote", "outline-19-in-a-quote"])
def test_a_deep_outline_and_everything_after_it_are_read(depth: int, prefix: str) -> None:
    """Past markdown-it's default limit (20 levels) every later block vanished while check exited 0."""
    article = parse(outline(depth, prefix) + "\n## If you are in danger\n\nCall 911 now.\n")
    assert words(article) == [*(f"Level {level + 1} of the outline" for level in range(depth)),
                              "If you are in danger", "Call 911 now."]


def test_an_outline_nested_past_what_can_be_read_is_refused_naming_its_line() -> None:
    with pytest.raises(SourceError) as caught:
        parse(outline(25, "> ") + "\nCall 911 now.\n")
    assert caught.value.problems == (
        "sources/articles/steps.md: line 24: lists or quotes nested more than 20 deep; the text from here to the "
        "end of the outer list or quote would be lost — nest it less deeply",)


def test_a_quote_nested_past_the_limit_does_not_drop_its_own_text() -> None:
    with pytest.raises(SourceError, match=r"steps.md: line 5: lists or quotes nested more than 20 deep"):
        parse("> " * 45 + "Call 911 now.\n")


def test_a_kilobyte_of_nested_emphasis_is_read_without_recursion() -> None:
    """1 KB of `*a *a *a …` ended the build with a RecursionError and a traceback."""
    article = parse("*a " * 350 + "end" + "*" * 350 + "\n\nAfter it.\n")
    assert words(article) == [" ".join(["a"] * 350) + " end", "After it."]


def test_an_imported_page_too_deep_for_the_build_is_said_in_its_draft(tmp_path: Path) -> None:
    nested = "<ul><li>Deep step" * 30 + "</li></ul>" * 30
    page = tmp_path / "steps.html"
    page.write_text(f"<html><head><title>Steps</title></head><body><article><h1>Steps</h1><p>Read these steps "
                    f"one at a time and slowly, before you do any of them.</p>{nested}<p>The end.</p></article>"
                    "</body></html>")
    imported = import_page(page)
    assert any(line.startswith("review: the body's line ") and "nested more than 20 deep" in line
               for line in imported.removed)
