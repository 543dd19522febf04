"""`make bench`'s library rows: a generated library of 50 and of 500 articles built with
`--only pdf --only index`, and a cold build of everything for 20 articles with `--jobs 2`."""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmark.library_corpus import write_corpus

SIZES = (50, 500)
EVERYTHING = 20  # articles in the cold build of everything


def library_rows(work: Path, root: Path, run, median_after) -> list[tuple[str, str]]:
    """The rows, each measured by `run` (one child process) or `median_after` (the median of a few)."""
    seed = root / "sources" / "articles" / "codependency.md"
    rows: list[tuple[str, str]] = []
    noops: dict[int, float] = {}
    for count in SIZES:
        sources, out = work / f"library-{count}" / "sources", work / f"library-{count}" / "build"
        sources.mkdir(parents=True)
        shutil.copy(root / "sources" / "practice.toml", sources / "practice.toml")
        write_corpus(sources / "articles", count, seed)
        build = ["-m", "pipeline", "build", "--sources", str(sources), "--out", str(out),
                 "--cache", str(work / f"library-{count}" / "cache"), "--only", "pdf", "--only", "index"]
        print(f"bench: library of {count} articles, cold build of the handouts and pages…", flush=True)
        cold = run(*build)
        print(f"bench: library of {count} articles, no-op rebuild…", flush=True)
        noops[count] = median_after(lambda: None, *build).seconds
        page = (out / "index.html").stat().st_size
        growth = f"; {noops[count] / noops[SIZES[0]]:.1f}× the {SIZES[0]}-article no-op" if count != SIZES[0] else ""
        rows += [
            (f"Library of {count}: cold build, `--only pdf --only index`",
             f"{cold.seconds:.0f} s, {cold.seconds / count:.2f} s per article (two PDFs and its page), "
             f"peak memory {cold.peak_mb:.0f} MB"),
            (f"Library of {count}: no-op rebuild",
             f"{noops[count]:.2f} s" + (" (target ≤ 1 s)" if count == SIZES[0] else "") + growth),
            (f"Library of {count}: library page", f"{page / 1000:.0f} KB, {page / count:.0f} bytes per article"),
        ]
    sources, out = work / "everything" / "sources", work / "everything" / "build"
    sources.mkdir(parents=True)
    shutil.copy(root / "sources" / "practice.toml", sources / "practice.toml")
    write_corpus(sources / "articles", EVERYTHING, seed)
    print(f"bench: cold build of everything for {EVERYTHING} articles, --jobs 2…", flush=True)
    everything = ["-m", "pipeline", "build", "--sources", str(sources), "--out", str(out),
                  "--cache", str(work / "everything" / "cache"), "--jobs", "2"]
    cold = run(*everything)
    print(f"bench: no-op rebuild of everything for {EVERYTHING} articles…", flush=True)
    noop = median_after(lambda: None, *everything)
    rows += [(f"Library of {EVERYTHING}: cold build of everything, `--jobs 2`",
              f"{cold.seconds:.0f} s, peak memory {cold.peak_mb:.0f} MB (target ≤ 1500 MB)"),
             (f"Library of {EVERYTHING}: no-op rebuild of everything (every file's digest read)",
              f"{noop.seconds:.2f} s")]
    return rows
