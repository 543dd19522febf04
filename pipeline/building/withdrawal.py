"""Withdrawing: when an article's source is removed, the next full build from the same sources
folder removes what the build wrote for it — the files its manifest lists, the manifest and its
page — so an outdated handout is no longer reachable through old links or printed QR codes."""

from __future__ import annotations

from pathlib import Path

from pipeline.article import Article
from pipeline.output import TEMPORARY
from pipeline.rebuild import MANIFEST, read_manifest, write_manifest
from pipeline.settings import Settings


def withdraw(library: list[Article], settings: Settings, full: bool) -> list[str]:
    """Remove the outputs of articles whose source file is gone (only on a `full` build); record
    which source each built article comes from. Returns one line per withdrawn article."""
    out = settings.out
    top = read_manifest(out)
    sources = str(settings.articles_dir.resolve())
    recorded = top.facts.get("articles") if top.facts.get("sources") == sources else None
    known: dict[str, str] = dict(recorded) if isinstance(recorded, dict) else {}
    present = {article.slug: Path(article.source).name for article in library}
    lines = []
    for slug, source in sorted(known.items()):
        if not full or slug in present or (settings.articles_dir / source).exists():
            continue  # still there (perhaps unreadable today): never withdrawn
        folder = out / slug
        if _remove_what_was_built(folder):
            lines.append(f"withdrawn: {folder}/ removed (its source {settings.articles_dir / source} is gone)")
        top.outputs.pop(f"{slug}/index.html", None)
        (out / slug / "index.html").unlink(missing_ok=True)
        _remove_if_empty(folder)
        del known[slug]
    known.update(present)
    if top.facts.get("articles") != known or top.facts.get("sources") != sources or lines:
        top.facts["articles"] = dict(sorted(known.items()))
        top.facts["sources"] = sources
        write_manifest(out, top)
    return lines


def _remove_what_was_built(folder: Path) -> bool:
    """The files the folder's manifest lists, its temporaries and the manifest; nothing else."""
    if not folder.is_dir() or folder.is_symlink() or not (folder / MANIFEST).is_file():
        return False
    for name in read_manifest(folder).outputs:
        path = folder / name
        if ".." not in Path(name).parts and not Path(name).is_absolute() and path.is_file() \
                and not path.is_symlink():
            path.unlink()
    for leftover in folder.glob(".*.part"):
        if TEMPORARY.match(leftover.name) and leftover.is_file() and not leftover.is_symlink():
            leftover.unlink()
    (folder / MANIFEST).unlink()
    return True


def _remove_if_empty(folder: Path) -> None:
    if folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
        folder.rmdir()
