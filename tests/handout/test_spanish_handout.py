"""The Spanish handout: every fixed phrase in Spanish, tagged `es`, PDF/UA-1 in both editions."""

from __future__ import annotations

import io

import page
import pikepdf
import pymupdf
import pytest
from outloud import check

from pipeline.handout.html import handout_html, render_handout

EDITIONS = pytest.mark.parametrize("edition", ["regular", "large-print"])


@pytest.fixture(scope="module")
def spanish_pdfs(spanish_article, practice) -> dict[str, bytes]:
    return {edition: render_handout(spanish_article, practice, edition) for edition in ("regular", "large-print")}


@EDITIONS
def test_spanish_handout_matches_golden_file(spanish_article, practice, golden, edition):
    golden(f"handout-spanish-{edition}.html", handout_html(spanish_article, practice, edition))


def test_every_fixed_phrase_is_in_spanish(spanish_article, practice):
    html = handout_html(spanish_article, practice, "regular")
    for phrase in ('<html lang="es"', "Actualizado el 4 de agosto de 2025. Por Dra. Ana López",
                   "Comuníquese con Your Practice Name", "Teléfono:", "Correo electrónico:", "Sitio web:",
                   "Sesiones virtuales para clientes en Arizona, Florida, Carolina del Norte",
                   "Si necesita ayuda ahora", "988 Línea de Prevención del Suicidio y Crisis",
                   '"Página " counter(page) " de " counter(pages)', "Escanee para comunicarse con nosotros"):
        assert phrase in html
    for english in ("Last updated", "Contact ", "Phone:", "Website:", "If you need help", "Virtual sessions for",
                    "Page ", "Scan to"):
        assert english not in html


@EDITIONS
def test_spanish_pdf_is_pdf_ua_1_and_tagged_spanish(spanish_pdfs, edition, tmp_path):
    pdf = spanish_pdfs[edition]
    result = page.validate_pdf_bytes(pdf, profile=page.ValidationProfile.PDF_UA_1)
    assert result.is_compliant, [str(failure) for failure in result.failures]
    path = tmp_path / "handout.pdf"
    path.write_bytes(pdf)
    findings = check(str(path))
    assert findings.errors == 0 and findings.warnings == 0, [f.message for f in findings.sorted_findings()]
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert str(document.Root.Lang) == "es"


@EDITIONS
def test_spanish_pages_are_numbered_in_spanish(spanish_pdfs, edition):
    texts = [p.get_text() for p in pymupdf.open(stream=spanish_pdfs[edition], filetype="pdf")]
    for number, text in enumerate(texts, start=1):
        assert f"Página {number} de {len(texts)}" in text.splitlines()
        assert "Crisis: llame al 988 (marque 2) o envíe AYUDA al 988. Emergencias: 911." in " ".join(text.split())
        if edition == "regular":  # large print has room for the name and phone; the rest is on the last page
            assert "Sesiones virtuales en AZ, FL, NC, SC, TN, TX, UT, VT, VA" in text.splitlines()
