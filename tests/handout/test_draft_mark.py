"""An imported draft's handout says "Draft — not reviewed" on every page; an approved one does not."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import pytest

from pipeline.handout.html import handout_html, render_handout


def _pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "handout.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.mark.parametrize("edition", ["regular", "large-print"])
def test_every_page_of_a_drafts_handout_says_it_is_not_reviewed(seed_article, practice, tmp_path, edition):
    draft = replace(seed_article, status="draft", import_findings=("check the title",))
    pages = _pages(render_handout(draft, practice, edition), tmp_path)
    assert len(pages) >= 3  # the seed runs over several pages
    assert all("Draft — not reviewed" in page for page in pages)


def test_an_approved_handout_has_no_draft_mark(seed_article, practice):
    assert "Draft — not reviewed" not in handout_html(seed_article, practice, "regular")


def test_a_spanish_drafts_mark_is_in_spanish(spanish_article, practice):
    html = handout_html(replace(spanish_article, status="draft"), practice, "regular")
    assert "Borrador — sin revisar" in html and "Draft — not reviewed" not in html


def test_a_drafts_page_in_the_preview_says_it_is_not_reviewed(seed_article, practice):
    from pipeline.library.article_page import render_article_page

    draft = render_article_page(replace(seed_article, status="draft"), None, practice)
    assert '<p class="draft-mark"><strong>Draft — not reviewed</strong></p>' in draft
    assert "draft-mark" not in render_article_page(seed_article, None, practice)
