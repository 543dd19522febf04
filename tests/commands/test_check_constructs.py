"""`check` names, with its line, everything in an article that no output shows as written."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.commands import check
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = """\
---
title: Taking your medicine
summary: How to take it, and when.
updated: 2025-03-14
---

Take ~~two tablets~~ one tablet each night.

<div class="callout">Call us first.</div>

![A pill box](pillbox.png)

Ask <span>your</span> pharmacist, or read [the leaflet](file:///etc/passwd).
"""


def test_check_reports_each_construct_it_does_not_render_with_its_line(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    for old in (sources / "articles").glob("*.md"):
        old.unlink()
    (sources / "articles" / "medicine.md").write_text(ARTICLE, encoding="utf-8")
    report = check(Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / ".cache"))
    where = str(sources / "articles" / "medicine.md")
    warnings = [w.removeprefix(where + ": ") for w in report.warnings if w.startswith(where)]
    struck = "line 7: struck-through text 'two tablets': is it meant to reach clients?"
    assert any(w.startswith(struck) for w in warnings)
    assert any(w.startswith("line 9: raw HTML block") for w in warnings)
    assert any(w.startswith("line 11: image 'pillbox.png' dropped") for w in warnings)
    assert any(w.startswith("line 13: raw HTML '<span>' dropped") for w in warnings)
    assert any(w.startswith("line 13: link to 'file:///etc/passwd' kept as plain text") for w in warnings)


def test_an_unclosed_mark_tag_is_named_with_its_line() -> None:
    from pipeline.sources import parse_body

    blocks, warnings = parse_body("Take <sup>2 tablets daily.\n", first_line=9)
    assert blocks[0].text[-1].superscript
    assert "line 9: <sup> is not closed: the rest of the paragraph is superscript; add </sup> where it should end" \
        in warnings
