"""The table printed after a build: each article's outputs, sizes, pages and listening time."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from pipeline.build.builder import BuildReport
from pipeline.sources import Settings, running_time


def _size(size: int | None) -> str:
    if size is None:
        return "—"
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} KB"


def print_summary(report: BuildReport, settings: Settings, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 120)  # logs and CI: no terminal to wrap to
    table = Table(title=f"Built into {settings.out}/", title_justify="left")
    for column in ("article", "rebuilt", "handout", "large print", "pages", "audio", "listening",
                   "e-mail", "warnings"):
        table.add_column(column, justify="left" if column in ("article", "rebuilt") else "right")
    for result in report.results:
        slug = result.slug
        files = result.files
        pages = "/".join(str(result.pages[e]) for e in ("regular", "large-print") if e in result.pages)
        table.add_row(
            slug,
            f"{len(result.rebuilt)} of {len(files)}" if result.rebuilt else "up to date",
            _size(files.get(f"{slug}.pdf")),
            _size(files.get(f"{slug}-large-print.pdf")),
            pages or "—",
            _size(files.get(f"{slug}.mp3")),
            "—" if result.duration_ms is None else running_time(result.duration_ms),
            _size(files.get(f"{slug}.eml")),
            str(len(result.warnings)),
        )
    if report.results:
        console.print(table)
    profile_warnings = len(report.warnings) - sum(len(result.warnings) for result in report.results)
    if profile_warnings > 0:  # the profile's own, such as placeholder contact details
        console.print(f"practice profile: {profile_warnings} warning{'s' if profile_warnings != 1 else ''} "
                      f"(listed below)")
    if "index" in settings.only:
        state = "rebuilt" if report.index_rebuilt else "up to date"
        console.print(f"library page: {settings.out / 'index.html'} ({state})")
