"""`make bench`'s Spanish row: a 5-minute Spanish article spoken by the offline Kokoro voice, cold.

The article (`spanish_article.md`, written for the bench) is built with `--only audio` and an
empty speech cache, so every sentence is spoken; the row gives wall time against the length of
the speech (the real-time factor), the CPU time, and the build's peak memory.
"""

from __future__ import annotations

import resource
import shutil
from pathlib import Path

ARTICLE = Path(__file__).with_name("spanish_article.md")
SLUG = "ansiedad-dia-a-dia"
LABEL = "Spanish voice (Kokoro)"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def spanish_rows(work: Path, root: Path, run) -> list[tuple[str, str]]:
    """The row, measured by `run` (one child process)."""
    from mutagen.mp3 import MP3

    sources, out = work / "spanish" / "sources", work / "spanish" / "build"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(root / "sources" / "practice.toml", sources / "practice.toml")
    shutil.copy(ARTICLE, sources / "articles" / f"{SLUG}.md")
    print("bench: cold build of a 5-minute Spanish article's audio…", flush=True)
    before = _children_cpu()
    audio = run("-m", "pipeline", "build", SLUG, "--sources", str(sources), "--out", str(out),
                "--cache", str(work / "spanish" / "cache"), "--only", "audio", "--jobs", "1")
    cpu = _children_cpu() - before
    speech = MP3(out / SLUG / f"{SLUG}.mp3").info.length
    return [(f"{LABEL}: cold audio build of a 5-minute Spanish article (`--only audio`)",
             f"{audio.seconds:.0f} s for {speech / 60:.1f} min of speech = {audio.seconds / speech:.2f}× real time "
             f"(target ≤ 1×); CPU {cpu:.0f} s; peak memory {audio.peak_mb:.0f} MB (target < 1,500 MB)")]
