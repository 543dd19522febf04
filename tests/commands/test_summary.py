"""The table after a build: one row per article, and the profile's own warnings counted apart."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from pipeline.building.article import ArticleResult
from pipeline.building.engine import BuildReport
from pipeline.commands.summary import print_summary
from pipeline.settings import Settings


def printed(report: BuildReport) -> str:
    out = io.StringIO()
    print_summary(report, Settings(sources=Path("sources"), out=Path("build"), cache=Path(".cache")),
                  Console(file=out, width=120, highlight=False))
    return out.getvalue()


def test_each_article_row_shows_its_outputs_and_its_own_warnings():
    result = ArticleResult("sleep", files={"sleep.pdf": 55_000, "sleep.mp3": 3_700_000, "sleep.eml": 5_100_000},
                           rebuilt=["sleep.pdf"], pages={"regular": 5, "large-print": 8}, duration_ms=451_000,
                           warnings=["sleep.md: reading grade 9.1"], reading_level="SMOG 11.5", findings=22,
                           review="overdue")
    text = printed(BuildReport(results=[result], warnings=list(result.warnings), index_rebuilt=True))
    row, reading = (line for line in text.splitlines() if "sleep" in line)
    for cell in ("1 of 3", "55 KB", "5/8", "3.7 MB", "7:31", "5.1 MB"):
        assert cell in row
    assert row.rstrip(" │").endswith("1")
    assert [cell.strip() for cell in reading.strip("│ ").split("│")] == ["sleep", "SMOG 11.5", "22", "overdue"]
    assert "practice profile" not in text
    assert "library page: build/index.html (rebuilt)" in text


def test_warnings_about_the_profile_are_counted_under_the_table():
    result = ArticleResult("sleep", files={"sleep.pdf": 55_000})
    placeholders = ["practice.toml: practice.name: placeholder", "practice.toml: practice.phone: placeholder"]
    text = printed(BuildReport(results=[result], warnings=placeholders))
    assert "practice profile: 2 warnings (listed below)" in text


def test_a_library_shows_what_changed_and_counts_the_rest():
    unchanged = [ArticleResult(f"note-{n:03}", files={f"note-{n:03}.pdf": 46_000}) for n in range(40)]
    edited = ArticleResult("sleep", files={"sleep.pdf": 55_000}, rebuilt=["sleep.pdf"])
    warned = ArticleResult("grief", files={"grief.pdf": 50_000}, warnings=["grief.md: no summary"])
    text = printed(BuildReport(results=[*unchanged[:20], edited, warned, *unchanged[20:]]))
    assert "sleep" in text and "grief" in text
    assert "note-0" not in text
    assert "40 other articles up to date, no warnings" in text


def test_a_library_with_nothing_to_do_prints_one_line():
    results = [ArticleResult(f"note-{n:03}", files={f"note-{n:03}.pdf": 46_000}) for n in range(50)]
    text = printed(BuildReport(results=results))
    assert "50 articles up to date, no warnings (built into build/)" in text
    assert "note-0" not in text and "┃" not in text


def test_a_few_articles_each_get_a_row_even_when_unchanged():
    results = [ArticleResult(f"note-{n:03}", files={f"note-{n:03}.pdf": 46_000}) for n in range(3)]
    text = printed(BuildReport(results=results))
    assert all(f"note-{n:03}" in text for n in range(3))
    assert "up to date, no warnings" not in text
