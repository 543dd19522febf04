"""Real builds killed, interrupted and run twice at once: outputs are whole, and the next build matches.

Every build here has its own speech cache, and its outputs are compared byte for byte with one
clean, uninterrupted build: the voice is repeatable, so nothing depends on sharing a cache.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

ARTICLE = """---
title: Sleep and Worry
summary: Why worry keeps us awake, and two small things that help.
updated: 2025-03-14
---

Worry often gets louder at night. That is normal, and it can ease.

## What helps?

- Write the worry down before bed.
- Get up if you can't sleep after twenty minutes.
"""


def command(sources: Path, out: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "build", "--sources", str(sources), "--out", str(out),
            "--cache", str(cache)]


def build_ok(sources: Path, out: Path, cache: Path) -> None:
    done = subprocess.run(command(sources, out, cache), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def outputs(out: Path) -> dict[str, bytes]:
    """Every file under its final name (temporary files and the lock excluded)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.endswith(".part") and p.name != ".lock"}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """Sources with one short article, and the outputs of one clean, uninterrupted build."""
    root = tmp_path_factory.mktemp("interrupt")
    sources = root / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources / "practice.toml")
    (sources / "articles" / "sleep-and-worry.md").write_text(ARTICLE)
    build_ok(sources, root / "out", root / "cache")
    built = outputs(root / "out")
    assert {"sleep-and-worry/sleep-and-worry.mp3", "sleep-and-worry/sleep-and-worry.pdf", "index.html",
            "sleep-and-worry/sleep-and-worry.eml", "sleep-and-worry/index.html"} <= set(built)
    return sources, built


# Before it speaks (so the next build is a clean one); while sentences are spoken and handouts written.
@pytest.mark.parametrize("delay", [0.8, 3.5], ids=lambda d: f"killed_after_{d}s")
def test_sigkill_leaves_only_whole_outputs_and_the_next_build_matches(reference, tmp_path, delay):
    sources, expected = reference
    out, cache = tmp_path / "out", tmp_path / "cache"
    child = subprocess.Popen(command(sources, out, cache), cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    time.sleep(delay)
    child.kill()
    child.wait()
    left = outputs(out)
    if delay < 1:  # before a sentence is spoken: the next build is a clean one, with a speech cache of its own
        assert not left and not [path for path in cache.rglob("*") if path.is_file()]
    build_ok(sources, out, cache)
    finished = outputs(out)
    assert set(finished) == set(expected)
    for name, data in left.items():
        if name.endswith(".pdf"):
            assert data == expected[name], f"{name} is not a whole handout after a kill at {delay} s"
        elif not name.endswith(".manifest.json"):
            assert data == finished[name], f"{name} was not whole after a kill at {delay} s"
    assert finished == expected  # MP3, captions, PDFs, e-mail draft, library page: byte for byte
    assert not list(out.rglob("*.part")), "leftover temporary files were not cleaned up"


# Right away; while sentences are spoken (`make bench` times three moments of the seed's narration).
@pytest.mark.parametrize("delay", [0.0, 1.5], ids=lambda d: f"{d}s_into_narrating")
def test_ctrl_c_exits_promptly_with_one_line(reference, tmp_path, delay):
    sources, _ = reference
    out = tmp_path / "out"
    child = subprocess.Popen(command(sources, out, tmp_path / "cache"), cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    line = ""
    while "narrating" not in line and time.monotonic() < deadline:
        line = child.stderr.readline()
        assert line or child.poll() is None, "the build ended before narrating"
    time.sleep(delay)
    child.send_signal(signal.SIGINT)
    sent = time.monotonic()
    _, rest = child.communicate(timeout=30)
    waited = time.monotonic() - sent
    assert child.returncode == 130
    # It stops rather than finishing what it was doing first (the whole build takes about 8 s more);
    # how fast, under 1 s, is measured by `make bench` (benchmark/interrupt.py), not timed here.
    assert waited < 5.0, f"took {waited:.1f} s to stop"
    assert "Traceback" not in rest
    assert [line for line in rest.splitlines() if line.startswith("interrupted")] == [rest.strip().splitlines()[-1]]
    assert not (out / "sleep-and-worry" / "sleep-and-worry.mp3").exists()


def test_two_builds_at_once_both_finish_with_the_same_outputs(reference, tmp_path):
    sources, expected = reference
    out, cache = tmp_path / "out", tmp_path / "cache"
    children = [subprocess.Popen(command(sources, out, cache), cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
    assert outputs(out) == expected
