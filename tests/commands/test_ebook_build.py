"""The e-book in the build: `--only epub`, read-along once recorded, rebuilt only by what it shows, in the summary."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

from rich.console import Console

from pipeline.building import ArticleResult, BuildReport, build
from pipeline.commands import print_summary
from pipeline.settings import Settings
from tests.rebuild import test_incremental
from tests.rebuild.test_incremental import run_build

counted = test_incremental.counted  # the same counting build, shared
SLUGS = ("codependency", "sleep-and-worry")


def only(settings: Settings, *parts: str) -> Settings:
    return Settings(sources=settings.sources, out=settings.out, cache=settings.cache, jobs=1, only=frozenset(parts))


def test_only_epub_builds_text_only_books_that_read_along_once_recorded(counted):
    calls, settings = counted
    assert run_build(calls, only(settings, "epub")) == Counter({f"{slug}:epub": 1 for slug in SLUGS})
    book = settings.out / "sleep-and-worry" / "sleep-and-worry.epub"
    assert book.read_bytes().endswith(b" ")  # the counting renderer was given no recording
    assert run_build(calls, only(settings, "epub")) == Counter()
    assert run_build(calls, only(settings, "audio", "epub")) == Counter(
        {f"{slug}:{part}": 1 for slug in SLUGS for part in ("audio", "epub")})
    assert b"Worry often gets louder at night." in book.read_bytes()  # now with its recording
    assert run_build(calls, settings) == Counter(
        {f"{slug}:{part}": 1 for slug in SLUGS for part in ("regular", "large-print", "email", "page")}
        | {"index": 1})


def test_a_summary_edit_rebuilds_the_book_but_not_the_recording(counted):
    calls, settings = counted
    run_build(calls, settings)
    path = settings.articles_dir / "sleep-and-worry.md"
    path.write_text(path.read_text().replace("Why worry keeps us awake.", "Why worry keeps us up."))
    changed = run_build(calls, settings)
    assert changed["sleep-and-worry:epub"] == 1 and changed["sleep-and-worry:audio"] == 0
    assert changed["codependency:epub"] == 0


def test_pages_link_the_book_only_while_it_is_current(counted):
    calls, settings = counted
    run_build(calls, settings)
    page = settings.out / "codependency" / "index.html"
    assert "codependency.epub" in page.read_text()
    (settings.out / "codependency" / "codependency.epub").write_bytes(b"damaged")
    run_build(calls, only(settings, "index"))
    assert "codependency.epub" not in page.read_text()


def test_a_draft_that_attaches_the_book_waits_for_it(counted):
    calls, settings = counted
    profile = settings.practice_file
    profile.write_text(profile.read_text().replace("[email]\n", "[email]\nattach_epub = true\n"))
    assert "attach_epub = true" in profile.read_text()
    run_build(calls, settings)
    assert calls["codependency:email"] == 1
    (settings.out / "codependency" / "codependency.epub").unlink()
    report = build(only(settings, "email"))
    assert any("codependency: writing the e-mail draft: it attaches codependency.epub, missing or out of date"
               in problem for problem in report.problems), report.problems
    assert run_build(calls, settings) == Counter({"codependency:epub": 1})  # the same book: the same draft


def test_the_summary_shows_the_books_size():
    result = ArticleResult("sleep", files={"sleep.pdf": 55_000, "sleep.mp3": 3_700_000, "sleep.epub": 3_760_000})
    out = io.StringIO()
    print_summary(BuildReport(results=[result]), Settings(out=Path("build")), Console(file=out, width=140))
    header, row = (next(line for line in out.getvalue().splitlines() if word in line) for word in ("e-book", "sleep"))
    assert "3.8 MB" in row and header.index("e-book") < header.index("e-mail")
