"""The packet's handout: one tagged PDF/UA file from one HTML document, a bookmark per handout, pages numbered on."""

from __future__ import annotations

import io
import re
import subprocess

import page
import pikepdf
import pytest
from outloud import check

from pipeline.packets import packet_handout, packet_html

EDITIONS = pytest.mark.parametrize("edition", ["regular", "large-print"])


@pytest.fixture(scope="module")
def pdfs(starter, three, clinic):
    return {edition: packet_handout(starter, three, clinic, edition, clinic.clinician("ana"))
            for edition in ("regular", "large-print")}


def page_texts(pdf: bytes) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return text.decode("utf-8").split("\f")[:-1]


@EDITIONS
def test_pdf_ua_1_validators_find_nothing(pdfs, edition, tmp_path):
    result = page.validate_pdf_bytes(pdfs[edition], profile=page.ValidationProfile.PDF_UA_1)
    assert result.is_compliant, [str(failure) for failure in result.failures]
    path = tmp_path / "packet.pdf"
    path.write_bytes(pdfs[edition])
    found = check(str(path))
    assert found.errors == 0 and found.warnings == 0, [f"{f.rule} p.{f.page}: {f.message}"
                                                       for f in found.sorted_findings()]


@EDITIONS
def test_a_bookmark_per_handout_after_the_cover(pdfs, three, edition):
    with pikepdf.open(io.BytesIO(pdfs[edition])) as pdf:
        top = [item.title for item in pdf.open_outline().root]
        assert str(pdf.docinfo.Title) == "Starting out" + (" (large print)" if edition == "large-print" else "")
        assert str(pdf.Root.Lang) == "en" and pdf.Root.MarkInfo.Marked is True
    assert top[:4] == ["Starting out", *(article.title for article in three)]


@EDITIONS
def test_pages_numbered_on_with_the_stamp_and_crisis_line_on_every_page(pdfs, three, edition):
    pages = page_texts(pdfs[edition])
    assert len(pages) >= 4  # a cover, then each handout on a page of its own
    for number, text in enumerate(pages, start=1):
        flat = " ".join(text.split())
        assert f"Page {number} of {len(pages)}" in flat
        assert "call or text 988" in flat and "Your Practice Name · (704) 555-0123" in flat
    # The cover lists the handouts with the page each starts on; the contact box comes once, at the end.
    starts = [next(n for n, text in enumerate(pages, start=1) if n > 1 and article.summary in " ".join(text.split()))
              for article in three]
    assert starts[0] == 2 and starts == sorted(set(starts))
    cover = " ".join(pages[0].split())
    listed = [re.search(re.escape(article.title) + r"[ .]*?(\d+)\b", cover) for article in three]
    assert [int(found[1]) for found in listed if found] == starts
    everything = " ".join(" ".join(text.split()) for text in pages)
    assert everything.count("Contact Your Practice Name") == 1
    contact = next(n for n, text in enumerate(pages, start=1) if "Contact Your Practice Name" in " ".join(text.split()))
    assert contact >= starts[-1] and contact >= len(pages) - 1  # after the last handout
    assert "From Ana Núñez, LCSW" in " ".join(pages[0].split())


def test_one_document_holds_every_handout_in_order(starter, three, clinic):
    html = packet_html(starter, three, clinic, "regular", clinic.clinician("ana"))
    assert html.count("<html") == 1 and html.count("<h1>") == 4
    positions = [html.index(f"<h1>{article.title}</h1>") for article in three]
    assert positions == sorted(positions)


def test_the_same_packet_gives_the_same_bytes(starter, three, clinic, pdfs):
    assert packet_handout(starter, three, clinic, "regular", clinic.clinician("ana")) == pdfs["regular"]


def test_the_packet_html_matches_golden(starter, three, clinic, golden):
    golden("packet-starter.html", packet_html(starter, three, clinic, "regular", clinic.clinician("ana")))
