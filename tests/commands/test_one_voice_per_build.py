"""One voice model per build: articles narrated side by side (`--jobs 2`) share the one Piper
model loaded for the build, rather than each loading its own (~60 MB and ~0.5 s each)."""

from __future__ import annotations

import shutil
from pathlib import Path

import onnxruntime
import pytest

from pipeline.audio.recording.speech import piper
from pipeline.building.engine import build
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

ARTICLE = """---
title: Note {n}
summary: Short note {n}.
updated: 2025-03-{day:02}
---

Note {n} says that worry often gets louder at night.
"""


def test_articles_built_side_by_side_load_the_voice_once(tmp_path, monkeypatch):
    sessions: list[str] = []
    real_session = onnxruntime.InferenceSession

    def counted_session(*args, **kwargs):
        sessions.append(str(args[0])[:80])
        return real_session(*args, **kwargs)

    monkeypatch.setattr(onnxruntime, "InferenceSession", counted_session)
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources / "practice.toml")
    for n in range(6):
        (sources / "articles" / f"note-{n}.md").write_text(ARTICLE.format(n=n, day=n + 1))
    settings = Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / "cache", jobs=2,
                        only=frozenset({"audio"}))
    report = build(settings)
    assert report.ok, report.problems
    assert sorted(result.slug for result in report.results) == [f"note-{n}" for n in range(6)]
    assert all(f"note-{n}.mp3" in result.files for n, result in enumerate(sorted(report.results,
                                                                                  key=lambda r: r.slug)))
    assert len(sessions) == 1, sessions
    assert piper._model.cache_info().currsize >= 1
