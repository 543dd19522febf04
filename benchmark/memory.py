"""`make bench`'s memory rows: the peak resident memory of a build, whatever the input.

A whole website pasted as one ~700 KB article once drove a build past 11 GB: the narration of
hours of speech was held in memory several times over while it was mastered. Now such an article
is refused by the profile's limits before any work, and the longest article the limits allow is
mastered through a file rather than through memory. Both are built here by `tone_build.py`, with
a stand-in voice that speaks a tone as long as the real one would take (the mastering, tagging
and handouts are the real ones), and each reports its own peak (VmHWM).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

TONE_BUILD = Path(__file__).with_name("tone_build.py")
TOPICS = ("sleep", "worry", "trust", "grief", "anger", "rest", "habits", "hope")


def website() -> str:
    """A whole website pasted as one article, with no line break: about 700 KB."""
    return "---\ntitle: Everything\n---\n\n" + " ".join(
        f"Post {n} says that worry often gets louder at night, and that writing it down helps."
        for n in range(8200)) + "\n"


def longest_allowed() -> str:
    """About 45 minutes of narration and 20 pages: long, but within the default limits."""
    paragraphs, n = [], 0
    while sum(map(len, paragraphs)) < 40_000:
        if len(paragraphs) % 9 == 8:
            paragraphs.append(f"## Part {len(paragraphs) // 9 + 1}")
        paragraphs.append(" ".join(f"Here is sentence {n + i} of this long article, which talks about "
                                   f"{TOPICS[(n + i) % 8]} and how to live with it." for i in range(5)))
        n += 5
    return "---\ntitle: A Long Article\nsummary: Long.\nupdated: 2025-01-01\n---\n\n" + "\n\n".join(paragraphs) + "\n"


def _peak_mb(work: Path, root: Path, slug: str, text: str) -> tuple[int, float, str]:
    """Build one article with the stand-in voice in a child process: its exit, peak memory (MB) and output."""
    sources = work / slug / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(root / "sources" / "practice.toml", sources / "practice.toml")
    (sources / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(TONE_BUILD), "build", "--sources", str(sources), "--out", str(work / slug / "out"),
         "--cache", str(work / slug / "cache"), "--engine", "tone"],
        capture_output=True, text=True, timeout=900, cwd=root)
    peak = json.loads(done.stderr.strip().splitlines()[-1])["self_kb"] / 1024
    return done.returncode, peak, done.stderr


def memory_rows(work: Path, root: Path) -> list[tuple[str, str]]:
    print("bench: a whole website pasted as one article (refused before any work)…", flush=True)
    code, refused, output = _peak_mb(work, root, "everything", website())
    if code != 1 or "over limits.max_listening_minutes" not in output:
        sys.exit(f"bench: the pasted website was not refused by its limits:\n{output[-2000:]}")
    print("bench: the longest article the limits allow (45 minutes, stand-in voice)…", flush=True)
    code, longest, output = _peak_mb(work, root, "long", longest_allowed())
    if code != 0:
        sys.exit(f"bench: the longest allowed article did not build:\n{output[-2000:]}")
    return [("Peak memory (any input): a whole website pasted as one 700 KB article (refused)",
             f"{refused:.0f} MB (target < 300 MB)"),
            ("Peak memory (any input): the longest article the limits allow (45 min of speech, both handouts, e-mail)",
             f"{longest:.0f} MB (target < 550 MB; 688 MB for the audio alone when mastered in memory)")]
