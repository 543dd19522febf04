"""The table printed after a build: each article's outputs, sizes, pages and listening time, and
its reading level, plain-language findings and review status as `check` reports them.

In a library, a row for each of hundreds of unchanged articles would hide the few that changed:
past `EVERY_ROW` articles, the table shows those rebuilt or warned about, and one line counts the rest."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from pipeline.building import ArticleResult, BuildReport
from pipeline.language import running_time
from pipeline.outputs import OUTPUTS, REGISTRY
from pipeline.settings import Settings

EVERY_ROW = 12  # articles up to which every one gets a row


def _size(size: int | None) -> str:
    if size is None:
        return "—"
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} KB"


def print_summary(report: BuildReport, settings: Settings, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 120)  # logs and CI: no terminal to wrap to
    table = Table(title=f"Built into {settings.out}/", title_justify="left")
    sized = [made for made in OUTPUTS if made.column]  # each output's size, as the registry lists them
    columns = ["article", "rebuilt"]
    for output in sized:
        columns.append(output.column or "")
        columns += {"large-print": ["pages"], "recording": ["listening"]}.get(output.key, [])
    for column in [*columns, "warnings"]:
        table.add_column(column, justify="left" if column in ("article", "rebuilt") else "right")
    shown = report.results
    if len(shown) > EVERY_ROW:
        shown = [result for result in shown if result.rebuilt or result.warnings]
    for result in shown:
        slug = result.slug
        files = result.files
        pages = "/".join(str(result.pages[e]) for e in ("regular", "large-print") if e in result.pages)
        cells = [slug, f"{len(result.rebuilt)} of {len(files)}" if result.rebuilt else "up to date"]
        for output in sized:
            cells.append(_size(files.get(output.name(slug))))
            if output.key == "large-print":
                cells.append(pages or "—")
            elif output.key == "recording":
                cells.append("—" if result.duration_ms is None else running_time(result.duration_ms))
        table.add_row(*cells, str(len(result.warnings)))
    if shown:
        console.print(table)
        console.print(_reading_table(shown))
    unchanged = len(report.results) - len(shown)
    if unchanged:
        others = "other " if shown else ""
        console.print(f"{unchanged} {others}article{'s' if unchanged != 1 else ''} up to date, no warnings"
                      + ("" if shown else f" (built into {settings.out}/)"))
    profile_warnings = len(report.warnings) - sum(len(result.warnings) for result in report.results)
    if profile_warnings > 0:  # the profile's own, such as placeholder contact details
        console.print(f"practice profile: {profile_warnings} warning{'s' if profile_warnings != 1 else ''} "
                      f"(listed below)")
    for packet in report.packets:
        made = f"{len(packet.rebuilt)} file{'' if len(packet.rebuilt) == 1 else 's'} made" if packet.rebuilt \
            else "up to date"
        console.print(f"packet: {packet.folder}/ ({made})")
    if REGISTRY["library-page"].made_by(settings.only):
        state = "rebuilt" if report.index_rebuilt else "up to date"
        console.print(f"library page: {settings.out / REGISTRY['library-page'].name()} ({state}); "
                      f"staff page: {settings.out / REGISTRY['staff-page'].name()}")


def _reading_table(shown: list[ArticleResult]) -> Table:
    """Beside the outputs: how readable each article is and whether its clinical review is current."""
    table = Table(title="Plain language and review", caption="`check` lists each finding", caption_justify="left",
                  title_justify="left")
    for column in ("article", "reading level", "findings", "review"):
        table.add_column(column, justify="right" if column == "findings" else "left")
    for result in shown:
        table.add_row(result.slug, result.reading_level, str(result.findings), result.review)
    return table
