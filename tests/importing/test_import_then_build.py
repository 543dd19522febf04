"""A practice points `import` at its WordPress export and its Word files, then builds: every draft builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
pytestmark = pytest.mark.slow


def test_imported_drafts_build_as_they_are(tmp_path, capsys):
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources / "practice.toml")
    word = tmp_path / "word"
    word.mkdir()
    for name in ("word-anxiety-handout.docx", "word-google-docs-sleep.docx"):
        shutil.copy(FIXTURES / name, word / name)
    assert main(["import", str(FIXTURES / "wordpress-export.xml"), str(word), "--sources", str(sources)]) == 0
    slugs = sorted(path.stem for path in (sources / "articles").glob("*.md"))
    assert len(slugs) == 7, capsys.readouterr()
    out = tmp_path / "build"
    assert main(["build", "--sources", str(sources), "--out", str(out), "--cache", str(tmp_path / "cache"),
                 "--only", "pdf", "--only", "index", "--jobs", "1"]) == 0, capsys.readouterr().err
    for slug in slugs:
        with pikepdf.open(out / slug / f"{slug}.pdf") as pdf:
            assert len(pdf.pages) >= 1
    # Drafts until a person approves them: built for staff, kept off the library page clients see.
    assert not any(f'href="{slug}/' in (out / "index.html").read_text(encoding="utf-8") for slug in slugs)
    assert main(["check", "--sources", str(sources)]) == 0
    assert main(["approve", *slugs, "--sources", str(sources)]) == 0
    assert main(["build", "--sources", str(sources), "--out", str(out), "--cache", str(tmp_path / "cache"),
                 "--only", "pdf", "--only", "index", "--jobs", "1"]) == 0, capsys.readouterr().err
    assert all(f'href="{slug}/' in (out / "index.html").read_text(encoding="utf-8") for slug in slugs)
