"""A whole website pasted as one article is refused by the profile's limits before any work.

Such an article (about 700 KB, no line break) once drove a build past 11 GB. The memory figures,
for it and for the longest article the limits allow, are measured by `make bench`
(`benchmark/memory.py`); here, that it is refused with one line per limit and nothing is made.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from benchmark.memory import website
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_a_website_pasted_as_one_article_is_refused_before_any_work(tmp_path):
    text = website()
    assert 650_000 < len(text.encode()) < 750_000
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources / "practice.toml")
    source = sources / "articles" / "everything.md"
    source.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pipeline", "build", "--sources", str(sources), "--out",
                             str(tmp_path / "out"), "--cache", str(tmp_path / "cache")],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2, result.stderr
    assert errors[0].startswith(f"error: {source}: its narration would run about ")
    assert "over limits.max_listening_minutes = 60" in errors[0]
    assert errors[1].startswith(f"error: {source}: its handout would run about ")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "everything").exists()
    assert not [path for path in tmp_path.joinpath("cache").rglob("*") if path.is_file()]  # not a word spoken
