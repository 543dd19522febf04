"""The real thing: a recording made with the real voice, heard back by `check --listen`'s offline
recogniser, says 988 in its first thirty seconds, and again in the full notice at its end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.audio.listening.alignment import plain_words
from tests.conftest import ROOT, SHORT_ARTICLE


def says_988(words: list[str]) -> bool:
    """Heard as '988' or as 'nine eight eight' (the words `plain_words` gives either)."""
    text = " ".join(plain_words(" ".join(words)))
    return any(" ".join(plain_words(way)) in text for way in ("988", "9 8 8"))


@pytest.mark.slow
def test_the_first_thirty_seconds_say_988(tmp_path: Path, warm_cache) -> None:
    from pipeline.audio.listening.recogniser import heard  # the listen extra, which make test installs

    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    (sources / "practice.toml").write_text((ROOT / "sources" / "practice.toml").read_text())
    (sources / "articles" / "sleep-and-worry.md").write_text(SHORT_ARTICLE)
    built = subprocess.run(
        [sys.executable, "-m", "pipeline", "build", "--sources", str(sources), "--out", str(tmp_path / "build"),
         "--cache", str(warm_cache(tmp_path / "cache")), "--only", "audio", "--jobs", "1"],
        capture_output=True, text=True, cwd=ROOT)
    assert built.returncode == 0, built.stderr
    words = heard(tmp_path / "build" / "sleep-and-worry" / "sleep-and-worry.mp3")
    opening = [word.text for word in words if word.start_ms < 30_000]
    assert says_988(opening), f"heard in the first 30 s: {' '.join(opening)}"
    closing = [word.text for word in words if word.start_ms >= words[-1].end_ms - 30_000]
    assert says_988(closing), f"the full notice at the end: {' '.join(closing)}"
