"""Every page of both handouts carries the crisis line and a whole footer, for a practice with
real-length details (a 60-character name, a 50-character e-mail address, long web addresses) and in
Spanish: "Page N of M" and the edition never break, and nothing prints where a printer cannot."""

from __future__ import annotations

import pymupdf
import pytest

from pipeline.handout.html import render_handout
from pipeline.sources.review import edition_mark

PRINTABLE_EDGE = 18  # points: office printers cannot print the outer quarter inch

WORDING = {
    "en": ("Page {page} of {pages}", "Crisis: call or text 988 (24/7). Emergency: 911."),
    "es": ("Página {page} de {pages}", "Crisis: llame al 988 (marque 2) o envíe AYUDA al 988. Emergencias: 911."),
}


@pytest.fixture(scope="module", params=["seed_article", "spanish_article"])
def article(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("edition", ["regular", "large-print"])
def test_every_page_shows_988_and_a_whole_footer(article, long_names_practice, edition):
    pdf = pymupdf.open(stream=render_handout(article, long_names_practice, edition), filetype="pdf")
    numbering, crisis = WORDING[article.language]
    edition_line = f"Ed. {edition_mark(article).digest}"
    name = long_names_practice.practice.name
    assert len(name) == 60 and len(long_names_practice.practice.email) == 50
    assert len(pdf) > 1
    for number, page in enumerate(pdf, start=1):
        text = page.get_text()
        lines = text.splitlines()
        assert numbering.format(page=number, pages=len(pdf)) in lines, f"page {number}: {lines[-6:]}"
        assert edition_line in lines, f"page {number}: {lines[-6:]}"
        joined = " ".join(text.split())
        assert crisis in joined and f"{name} · (704) 372-1190" in joined, f"page {number}: {lines[-6:]}"
        lowest = max(span["bbox"][3] for block in page.get_text("dict")["blocks"]
                     for line in block.get("lines", ()) for span in line["spans"] if span["text"].strip())
        margin = page.rect.height - lowest
        assert margin >= PRINTABLE_EDGE, f"page {number} prints {margin:.0f} pt from the edge"
