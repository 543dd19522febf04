"""The documentation site builds strictly: a broken link, a missing page or a page in no table of contents fails."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build(docs: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """As `make docs` builds it (same options), into a folder of the test's own."""
    return subprocess.run([sys.executable, "-m", "sphinx", "-E", "-W", "--keep-going", "-n", "-q", "-b", "html",
                           str(docs), str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_the_site_builds_strictly_with_the_references_made_from_the_code(tmp_path: Path) -> None:
    result = _build(ROOT / "docs", tmp_path / "html")
    assert result.returncode == 0, result.stderr
    cli = (tmp_path / "html" / "reference" / "cli.html").read_text(encoding="utf-8")
    assert "--unused-speech" in cli and "--only" in cli  # read from the parser
    profile = (tmp_path / "html" / "reference" / "practice-toml.html").read_text(encoding="utf-8")
    assert "speech.speaking_rate" in profile and "at most 2" in profile  # read from the schema
    assert "plain_language.min_spanish_score" in profile


@pytest.mark.slow
@pytest.mark.parametrize(("page", "added"), [
    ("guides/clients.md", "\nSee [the missing page](nowhere.md).\n"),
    ("guides/clients.md", "\nSee [a heading that is not there](clients.md#no-such-heading).\n"),
], ids=["missing-page", "missing-heading"])
def test_a_broken_link_fails_the_build(tmp_path: Path, page: str, added: str) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("_build"))
    (docs / page).write_text((docs / page).read_text(encoding="utf-8") + added, encoding="utf-8")
    shutil.copy(ROOT / "BENCHMARKS.md", tmp_path / "BENCHMARKS.md")  # included by explanation/speed-and-size.md
    result = _build(docs, tmp_path / "html")
    assert result.returncode != 0
    assert "clients.md" in result.stderr


@pytest.mark.slow
def test_a_page_in_no_table_of_contents_fails_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("_build"))
    shutil.copy(ROOT / "BENCHMARKS.md", tmp_path / "BENCHMARKS.md")
    (docs / "orphan.md").write_text("# A page no one links\n", encoding="utf-8")
    result = _build(docs, tmp_path / "html")
    assert result.returncode != 0 and "orphan" in result.stderr
