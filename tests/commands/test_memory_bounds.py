"""Memory stays bounded whatever the input: measured as the peak resident memory of a real build
in a child process (the child reports its own peak, VmHWM).

A whole website pasted as one ~700 KB article once drove a build past 11 GB: the narration of
hours of speech was held in memory several times over while it was mastered. Now the article is
refused by the profile's limits before any work, and the longest article the limits allow is
mastered through a file rather than through memory.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TONE_BUILD = Path(__file__).resolve().parent / "tone_build.py"
pytestmark = pytest.mark.slow

MB = 1024  # getrusage reports kilobytes


def website() -> str:
    """A whole website pasted as one article, with no line break: about 700 KB."""
    return "---\ntitle: Everything\n---\n\n" + " ".join(
        f"Post {n} says that worry often gets louder at night, and that writing it down helps."
        for n in range(8200)) + "\n"


def long_article() -> str:
    """About 45 minutes of narration and 20 pages: long, but within the default limits."""
    topics = ("sleep", "worry", "trust", "grief", "anger", "rest", "habits", "hope")
    paragraphs, n = [], 0
    while sum(map(len, paragraphs)) < 40_000:
        paragraphs.append(" ".join(f"Here is sentence {n + i} of this long article, which talks about "
                                   f"{topics[(n + i) % 8]} and how to live with it." for i in range(5)))
        n += 5
        if len(paragraphs) % 9 == 8:
            paragraphs.append(f"## Part {len(paragraphs) // 9 + 1}")
    return "---\ntitle: A Long Article\nsummary: Long.\nupdated: 2025-01-01\n---\n\n" + "\n\n".join(paragraphs) + "\n"


def build(tmp_path: Path, slug: str, text: str, *arguments: str) -> tuple[subprocess.CompletedProcess, int]:
    """Build one article in a child process; its exit, output and peak memory in kilobytes."""
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources / "practice.toml")
    (sources / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(TONE_BUILD), "build", "--sources", str(sources), "--out", str(tmp_path / "out"),
         "--cache", str(tmp_path / "cache"), *arguments],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    peak = json.loads(result.stderr.strip().splitlines()[-1])["self_kb"]
    return result, peak


def test_a_website_pasted_as_one_article_is_refused_before_any_work(tmp_path):
    text = website()
    assert 650_000 < len(text.encode()) < 750_000
    result, peak = build(tmp_path, "everything", text)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    source = tmp_path / "sources" / "articles" / "everything.md"
    assert len(errors) == 2, result.stderr
    assert errors[0].startswith(f"error: {source}: its narration would run about ")
    assert "over limits.max_listening_minutes = 60" in errors[0]
    assert errors[1].startswith(f"error: {source}: its handout would run about ")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "everything").exists()
    assert peak < 300 * MB, f"peak {peak // MB} MB"


def test_the_longest_allowed_article_builds_in_bounded_memory(tmp_path):
    result, peak = build(tmp_path, "long", long_article(), "--engine", "tone")
    assert result.returncode == 0, result.stderr
    facts = json.loads((tmp_path / "out" / "long" / ".manifest.json").read_text())["facts"]
    assert facts["recording"]["duration_ms"] > 40 * 60_000 and facts["pages_regular"] >= 15
    # Measured: 377 MB for a 47-minute recording, with both handouts and the e-mail draft
    # (688 MB for the audio alone when the mastered narration went through memory).
    assert peak < 550 * MB, f"peak {peak // MB} MB"
