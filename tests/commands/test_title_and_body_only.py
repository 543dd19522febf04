"""Front matter that forgives: an article with only a title and a body reads, checks and builds."""

from __future__ import annotations

import email
import email.policy
import shutil
from pathlib import Path

import pikepdf
import pytest

from pipeline.audio.recording.finished import Chapter, Cue, Recording
from pipeline.cli import main
from pipeline.commands.check import editor_flags
from pipeline.email.draft import render_email
from pipeline.handout.html import handout_html
from pipeline.library.library_page import render_library_page
from pipeline.sources.articles import parse_article

ROOT = Path(__file__).resolve().parents[2]
BARE = """\
---
title: "Worry at \u202eNight\u202c"
---

Worry often gets louder at night. Dr. Lee says that is normal.

## What helps?

Write the worry down.
"""


@pytest.fixture(scope="module")
def bare():
    return parse_article(BARE.encode(), "sources/articles/worry.md", default_slug="worry")


def test_only_a_title_is_needed(bare):
    assert bare.title == "Worry at Night"  # the right-to-left override is gone
    assert bare.summary == "Worry often gets louder at night. Dr. Lee says that is normal."
    assert bare.summary_from_body and bare.updated is None


def test_a_given_summary_is_not_flagged(short_article, practice):
    assert not short_article.summary_from_body
    assert not [flag for flag in editor_flags(short_article, practice) if "summary: missing" in flag]


def test_check_warns_about_the_missing_summary_and_date(bare, practice):
    flags = editor_flags(bare, practice)
    assert any(flag.startswith("sources/articles/worry.md: summary: missing; the library page and e-mail use "
                               "the first sentence") for flag in flags), flags
    assert any(flag.startswith("sources/articles/worry.md: updated: missing") for flag in flags), flags


def test_handout_has_no_last_updated_line(bare, short_article, practice):
    html = handout_html(bare, practice, "regular")
    assert "Last updated" not in html and "dcterms.modified" not in html
    assert "Last updated March 14, 2025" in handout_html(short_article, practice, "regular")


def test_email_and_library_page_leave_the_date_out(bare, practice):
    recording = Recording(mp3=b"ID3 fake", captions="WEBVTT\n", duration_ms=9_000,
                          chapters=(Chapter("Worry at Night", 0, 9_000),), cues=(Cue(0, 900, "Worry at Night", 0),))
    message = email.message_from_bytes(render_email(bare, practice, b"%PDF-1.7", None, recording),
                                       policy=email.policy.default)
    assert message["Date"] is None and message["X-Unsent"] == "1"
    page = render_library_page([bare], {"worry": recording}, practice)
    assert "<dt>Updated</dt>" not in page and "Worry often gets louder at night." in page


def test_title_and_body_only_builds(tmp_path, capsys):
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources / "practice.toml")
    (sources / "articles" / "worry.md").write_text(BARE, encoding="utf-8")
    out = tmp_path / "build"
    assert main(["build", "--sources", str(sources), "--out", str(out), "--cache", str(tmp_path / "cache"),
                 "--only", "pdf", "--only", "index"]) == 0, capsys.readouterr().err
    with pikepdf.open(out / "worry" / "worry.pdf") as pdf:
        assert len(pdf.pages) >= 1 and str(pdf.docinfo["/Title"]) == "Worry at Night"
    assert (out / "index.html").stat().st_size > 1000
