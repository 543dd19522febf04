"""The handout PDFs: PDF/UA-1 by two checkers and by the structure tree, fonts, pages, bytes, hostile input."""

from __future__ import annotations

import functools
import io
import logging
import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import page
import pikepdf
import pymupdf
import pytest
from outloud import check

from pipeline.article.model import Article
from pipeline.errors import RenderError
from pipeline.handout.assets import AssetFetcher, asset_path
from pipeline.handout.html import Edition, handout_html, render_handout
from pipeline.handout.pdf import write_pdf
from pipeline.sources.articles import read_article
from pipeline.sources.practice import Contact, HandoutSettings, Practice, PublishSettings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LETTER = (Decimal(612), Decimal(792))
A4 = (Decimal("595.275591"), Decimal("841.889764"))


@dataclass(frozen=True)
class Rendered:
    """One handout PDF and what the URL fetcher saw while it was made."""

    pdf: bytes
    html: str
    fetcher: AssetFetcher

    def text(self) -> list[str]:
        return [p.get_text() for p in pymupdf.open(stream=self.pdf, filetype="pdf")]


def render(article: Article, practice: Practice, edition: Edition = "regular") -> Rendered:
    html = handout_html(article, practice, edition)
    fetcher = AssetFetcher()
    return Rendered(write_pdf(html, article.updated, fetcher), html, fetcher)


# Each PDF is rendered once per test module and shared by the tests that read it.
@pytest.fixture(scope="module")
def seed(seed_article, practice) -> dict[str, Rendered]:
    return {edition: render(seed_article, practice, edition) for edition in ("regular", "large-print")}


@pytest.fixture(scope="module")
def every_block(practice) -> Rendered:
    article = read_article(FIXTURES / "article_with_every_block.md")
    contact = Contact.model_validate({**practice.practice.model_dump(),
                                      "audio_base_url": "https://www.example.com/audio/"})
    return render(article, practice.model_copy(update={"practice": contact}))


@pytest.fixture(scope="module")
def outloud_results(seed, every_block, tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("outloud")
    results = {}
    for name, rendered in {**seed, "every-block": every_block}.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(rendered.pdf)
        results[name] = check(str(path))
    return results


def structure(pdf: bytes) -> list[pikepdf.Dictionary]:
    """Every structure element in reading order, depth first."""
    document = opened(pdf)
    found: list[pikepdf.Dictionary] = []

    def walk(element: object) -> None:
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            found.append(element)
            kids = element.get("/K")
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                walk(kid)

    for kid in document.Root.StructTreeRoot.K:
        walk(kid)
    return found


def tags(pdf: bytes) -> list[str]:
    return [str(element.S) for element in structure(pdf)]


@functools.cache
def opened(pdf: bytes) -> pikepdf.Pdf:
    """The PDF opened once; kept open, since its objects die with it."""
    return pikepdf.open(io.BytesIO(pdf))


EDITIONS = pytest.mark.parametrize("edition", ["regular", "large-print"])


@EDITIONS
def test_pdf_ua_1_validator_reports_compliant(seed, edition):
    result = page.validate_pdf_bytes(seed[edition].pdf, profile=page.ValidationProfile.PDF_UA_1)
    assert result.is_compliant, [str(failure) for failure in result.failures]


@pytest.mark.parametrize("name", ["regular", "large-print", "every-block"])
def test_outloud_finds_no_errors_and_no_warnings(outloud_results, name):
    result = outloud_results[name]
    findings = [f"{f.rule} p.{f.page}: {f.message}" for f in result.sorted_findings()]
    assert result.errors == 0 and result.warnings == 0, findings


@EDITIONS
def test_headings_start_at_h1_and_never_skip_a_level(seed, edition):
    levels = [int(tag[2]) for tag in tags(seed[edition].pdf) if tag in {f"/H{n}" for n in range(1, 7)}]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    # seven article sections, then the contact block and the crisis notice
    assert levels == [1] + [2] * 9


@EDITIONS
def test_lists_are_tagged_as_lists(seed, edition):
    elements = structure(seed[edition].pdf)
    lists = [e for e in elements if e.S == "/L"]
    items = [e for e in elements if e.S == "/LI"]
    assert len(lists) >= 2 and len(items) == 5  # three bullets and two numbered points
    for item in items:
        kinds = [str(kid.S) for kid in item.K]
        assert kinds == ["/Lbl", "/LBody"], kinds


@EDITIONS
def test_qr_code_is_a_figure_with_alternative_text(seed, edition):
    figures = [e for e in structure(seed[edition].pdf) if e.S == "/Figure"]
    assert [str(f.Alt) for f in figures] == [
        "QR code: Your Practice Name contact page at www.example.com/contact"]


@EDITIONS
def test_document_language_title_and_metadata(seed, seed_article, edition):
    pdf = opened(seed[edition].pdf)
    assert str(pdf.Root.Lang) == "en"
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert pdf.Root.MarkInfo.Marked is True
    title = seed_article.title + (" (large print)" if edition == "large-print" else "")
    assert str(pdf.docinfo.Title) == title
    assert str(pdf.docinfo.ModDate) == "D:20250804", "dated by the article, never the clock"
    with pdf.open_metadata() as xmp:
        assert xmp.get("pdfuaid:part") == "1"
    def titles(items):
        for item in items:
            yield item.title
            yield from titles(item.children)

    bookmarks = list(titles(pdf.open_outline().root))
    assert bookmarks[0] == seed_article.title and len(bookmarks) == 10
    assert "Contact Your Practice Name" in bookmarks and "If you need help now" in bookmarks


@EDITIONS
def test_fonts_are_embedded_and_are_source_sans(seed, edition):
    names = set()
    for pdf_page in opened(seed[edition].pdf).pages:
        for font in pdf_page.Resources.Font.values():
            descendant = font.DescendantFonts[0]
            assert any(key in descendant.FontDescriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            names.add(str(descendant.BaseFont).split("+", 1)[1])
    assert names == {"Source-Sans-Pro", "Source-Sans-Pro-Bold", "Source-Sans-Pro-Semi-Bold"}


def test_fonts_are_subset_by_harfbuzz_the_way_weasyprint_supports(short_article, practice, caplog):
    """scripts/setup installs HarfBuzz's subset library (Debian: libharfbuzz-subset0); without it
    WeasyPrint falls back to fontTools, which it says it will stop supporting."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    assert harfbuzz_subset is not None, "no HarfBuzz subset library: run scripts/setup (as root on Debian)"
    assert harfbuzz.hb_version_atleast(4, 1, 0)
    with caplog.at_level(logging.DEBUG, logger="weasyprint"):
        render(short_article, practice)
    assert [r.getMessage() for r in caplog.records if "fontTools" in r.getMessage()] == []
    assert any(r.name.startswith("weasyprint") for r in caplog.records), "the capture saw WeasyPrint's log"


@pytest.mark.parametrize(("edition", "smallest"), [("regular", 9), ("large-print", 16)])
def test_the_footer_is_printed_large_enough_to_read(seed, edition, smallest):
    for pdf_page in pymupdf.open(stream=seed[edition].pdf, filetype="pdf"):
        sizes = {round(span["size"], 1) for block in pdf_page.get_text("dict")["blocks"]
                 for line in block.get("lines", ()) for span in line["spans"]
                 if any(part in span["text"] for part in (*FOOTER, "Page "))}
        assert sizes and min(sizes) >= smallest, sizes


def test_a_practice_name_cannot_break_out_of_the_footer_stylesheet(seed_article, practice):
    name = 'Hope "}; @page { margin: 0 } </style><script>x</script> & Co\\'
    contact = Contact.model_validate({**practice.practice.model_dump(), "name": name})
    html = handout_html(seed_article, practice.model_copy(update={"practice": contact}), "regular")
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    footer = style.split("@bottom-left { content: ", 1)[1].split("; }", 1)[0]
    assert "<" not in style and footer[0] == footer[-1] == '"' and '"' not in footer[1:-1]
    text = render(seed_article, practice.model_copy(update={"practice": contact})).text()
    assert all(f"{name} · (704) 555-0123" in " ".join(page.split("\n")) for page in text)


@pytest.mark.parametrize(("edition", "pages"), [("regular", 5), ("large-print", 9)])
def test_page_count_and_letter_paper(seed, edition, pages):
    pdf = opened(seed[edition].pdf)
    assert len(pdf.pages) == pages, "the seed's layout changed; look at it before updating this number"
    assert {tuple(p.MediaBox[2:]) for p in pdf.pages} == {LETTER}


def test_a4_paper_from_the_profile(seed_article, practice):
    a4 = practice.model_copy(update={"handout": HandoutSettings(paper="a4")})
    pdf = opened(render_handout(seed_article, a4, "regular"))
    assert {tuple(p.MediaBox[2:]) for p in pdf.pages} == {A4}


FOOTER = ("Crisis: call or text 988 (24/7). Emergency: 911.",
          "Your Practice Name · (704) 555-0123 · www.example.com",
          "Virtual sessions in AZ, FL, NC, SC, TN, TX, UT, VT, VA")
# Large print's footer, at 16 pt, has room for the crisis line, the name and the phone; the
# website and the states are in the stamp on the last page.
LARGE_PRINT_FOOTER = ("Crisis: call or text 988 (24/7). Emergency: 911.", "Your Practice Name · (704) 555-0123")


@EDITIONS
def test_the_stamp_and_page_n_of_m_are_on_every_page_as_pagination_artifacts(seed, edition):
    rendered = seed[edition]
    texts = rendered.text()
    for number, text in enumerate(texts, start=1):
        lines = text.splitlines()
        assert f"Page {number} of {len(texts)}" in lines, f"page {number}"
        footer = FOOTER if edition == "regular" else LARGE_PRINT_FOOTER
        assert all(line in lines for line in footer), f"page {number} lacks the stamp: {lines[-4:]}"
    pdf = opened(rendered.pdf)
    for pdf_page in pdf.pages:
        artifacts = [operands for operands, operator in pikepdf.parse_content_stream(pdf_page)
                     if operator == pikepdf.Operator("BDC") and operands[0] == pikepdf.Name.Artifact
                     and isinstance(operands[1], pikepdf.Dictionary)
                     and operands[1].get("/Type") == pikepdf.Name.Pagination]
        assert len(artifacts) >= 2, "the stamp and the page number"
    reachable = {element.objgen for element in structure(rendered.pdf)}
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for value in list(nums)[1::2]:
        for entry in value if isinstance(value, pikepdf.Array) else [value]:
            assert entry is None or entry.objgen in reachable, "content tagged outside the tree"


@EDITIONS
def test_links_are_tagged_printable_and_described(seed, edition):
    pdf = opened(seed[edition].pdf)
    annotations = [a for p in pdf.pages for a in p.get("/Annots", [])]
    assert len(annotations) >= 5
    for annotation in annotations:
        assert annotation.F == 4 and "/StructParent" in annotation and str(annotation.Contents)
    targets = {str(a.A.URI) for a in annotations}
    assert {"tel:+17045550123", "mailto:hello@example.com", "https://www.example.com/contact"} <= targets


@EDITIONS
def test_contact_block_and_last_updated_are_printed(seed, edition):
    text = " ".join(" ".join(seed[edition].text()).split())
    for words in ("Last updated August 4, 2025", "North Carolina, South Carolina, Tennessee",
                  "Charlotte, North Carolina and Carefree, Arizona", "(704) 555-0123", "hello@example.com",
                  "We reply within one business day", "call or text 988", "not a substitute for therapy"):
        assert words in text, words


@EDITIONS
def test_the_crisis_notice_ends_the_handout_on_the_page_with_the_contact_details(seed, edition):
    """The stamp is one piece: the crisis notice never sits alone on a page of its own."""
    pages = [" ".join(page.split()) for page in seed[edition].text()]
    crisis = [number for number, text in enumerate(pages) if "If you need help now" in text]
    assert crisis == [len(pages) - 1]
    assert "Scan to contact us" in pages[-1] and "not a substitute for therapy" in pages[-1]
    if edition == "regular":  # the whole contact block, heading to QR code, shares the page
        assert "Contact Your Practice Name" in pages[-1] and "We reply within one business day" in pages[-1]


@EDITIONS
def test_size_is_small_enough_to_e_mail(seed, edition):
    assert len(seed[edition].pdf) <= 250_000


def test_same_sources_give_the_same_bytes(seed, seed_article, practice):
    before = os.environ.get("SOURCE_DATE_EPOCH")
    assert render_handout(seed_article, practice, "regular") == seed["regular"].pdf
    assert os.environ.get("SOURCE_DATE_EPOCH") == before, "the render leaves the environment as it found it"


def test_every_kind_of_block_is_tagged(every_block):
    found = tags(every_block.pdf)
    for tag in ("/Table", "/THead", "/TBody", "/TH", "/TD", "/BlockQuote", "/L", "/LI", "/LBody", "/H2"):
        assert tag in found, tag
    lists = [e for e in structure(every_block.pdf) if e.S == "/L"]
    assert any(kid.S == "/L" for element in lists for kid in element.K), "a nested list stays a list"
    result = page.validate_pdf_bytes(every_block.pdf, profile=page.ValidationProfile.PDF_UA_1)
    assert result.is_compliant, [str(failure) for failure in result.failures]
    alts = [str(e.Alt) for e in structure(every_block.pdf) if e.S == "/Figure"]
    assert alts == ["QR code: read this article online at www.example.org/articles/every-kind-of-block",
                    "QR code: listen to this article at www.example.com/audio/every-block.mp3"]


def test_code_is_set_in_the_packaged_monospaced_font(every_block):
    fonts = {str(f.DescendantFonts[0].BaseFont).split("+", 1)[1]
             for p in opened(every_block.pdf).pages for f in p.Resources.Font.values()}
    assert "Source-Code-Pro" in fonts
    assert all(name.startswith(("Source-Sans-Pro", "Source-Code-Pro")) for name in fonts), fonts


# --- what the renderer may load -------------------------------------------------------------------

@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "https://evil.example/x.css", "http://169.254.169.254/latest/meta-data/",
     "data:text/css,body{}", "ftp://evil.example/x.css", "template:../pipeline/handout/pdf.py", "template:/etc/passwd",
     "template:..%2Fsources%2Fpractice.toml", "template:handout.html.j2", "font:../../../../etc/passwd",
     "TEMPLATE:handout.css", "javascript:alert(1)", "handout.css", "/etc/passwd", ""],
    ids=lambda url: url[:40] or "empty",
)
def test_fetcher_refuses_everything_but_the_handout_assets(url):
    fetcher = AssetFetcher()
    assert asset_path(url) is None
    with pytest.raises(ValueError, match="not one of the handout's own assets"):
        fetcher.fetch(url)
    assert fetcher.refused == [url] and fetcher.served == []


@pytest.mark.parametrize(
    ("url", "content_type"),
    [("template:handout.css", "text/css"), ("template:large-print.css", "text/css"),
     ("font:SourceSansPro-Regular.otf", "font/otf"), ("font:SourceCodePro[wght].ttf", "font/ttf")],
)
def test_fetcher_serves_the_handout_assets(url, content_type):
    fetcher = AssetFetcher()
    response = fetcher.fetch(url)
    assert response.content_type == content_type and len(response.read()) > 1000
    assert fetcher.served == [url] and fetcher.refused == []


def test_a_missing_asset_of_our_own_fails_the_build():
    html = ('<html lang="en"><head><title>t</title><link rel="stylesheet" href="template:missing.css">'
            "</head><body><p>x</p></body></html>")
    with pytest.raises(RenderError, match="could not be loaded"):
        write_pdf(html, date(2025, 1, 1))


def test_seed_loads_only_its_stylesheets_and_fonts(seed):
    for rendered in seed.values():
        assert rendered.fetcher.refused == []
        assert all(url.startswith(("template:", "font:")) for url in rendered.fetcher.served)
        assert "template:handout.css" in rendered.fetcher.served


@pytest.mark.parametrize("name", ["hostile_images", "hostile_html", "hostile_links"])
def test_hostile_article_cannot_make_the_renderer_fetch_anything(name, practice):
    article = read_article(FIXTURES / f"{name}.md")
    rendered = render(article, practice)
    assert rendered.fetcher.refused == [], "the article reached the fetcher"
    assert all(url.startswith(("template:", "font:")) for url in rendered.fetcher.served)
    for marker in ("<script", "<iframe", "<object", "<embed", "<img", "<image", "<style>@import", "file://",
                   "javascript:", "data:", "evil.example", "onclick", "onmouseover"):
        assert marker not in rendered.html, marker
    text = " ".join(rendered.text())
    for marker in ("root:", "SCRIPT-RAN", "IFRAME-BODY", "RAW-DIV-TEXT", "DATA-URI", "DATA-LINK", "SCRIPT-LINK"):
        assert marker not in text, marker
    pdf = opened(rendered.pdf)
    assert "/Names" not in pdf.Root, "no embedded files"
    assert all(not p.Resources.get("/XObject") for p in pdf.pages), "no images"
    links = {str(a.A.URI) for p in pdf.pages for a in p.get("/Annots", [])}
    assert all(link.startswith(("https://", "mailto:", "tel:")) for link in links), links


HOSTILE_HTML = """<!DOCTYPE html><html lang="en"><head><title>Hostile</title>
<link rel="stylesheet" href="https://evil.example/steal.css">
<link rel="stylesheet" href="file:///etc/passwd">
<link rel="attachment" href="file:///etc/passwd">
<style>@import url("http://evil.example/import.css"); body { background: url("file:///etc/hostname"); }</style>
</head><body>
<p>Before</p>
<img src="file:///etc/passwd" alt="passwd">
<img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3Ctext y='9'%3EDATA-URI%3C/text%3E%3C/svg%3E"
 alt="data">
<iframe src="file:///etc/passwd"></iframe>
<object data="https://evil.example/x.svg" type="image/svg+xml"></object>
<embed src="file:///etc/passwd" type="image/svg+xml">
<svg width="20" height="20"><title>svg</title><image href="file:///etc/passwd" width="10" height="10"/></svg>
<script>document.write("SCRIPT-RAN")</script>
<p>After</p>
</body></html>"""


def test_the_fetcher_stops_hostile_html_that_gets_past_the_article_model():
    fetcher = AssetFetcher()
    pdf = write_pdf(HOSTILE_HTML, date(2025, 1, 1), fetcher)
    assert fetcher.served == []
    assert {"https://evil.example/steal.css", "file:///etc/passwd", "http://evil.example/import.css",
            "file:///etc/hostname", "https://evil.example/x.svg"} <= set(fetcher.refused)
    assert any(url.startswith("data:") for url in fetcher.refused)
    text = "".join(p.get_text() for p in pymupdf.open(stream=pdf, filetype="pdf"))
    assert "Before" in text and "After" in text
    assert "root:" not in text and "DATA-URI" not in text and "SCRIPT-RAN" not in text
    document = opened(pdf)
    assert "/Names" not in document.Root and all(not p.Resources.get("/XObject") for p in document.pages)


def test_a_font_from_the_machine_is_refused_and_fails_the_build():
    html = ('<html lang="en"><head><title>t</title><style>@font-face { font-family: X; '
            'src: url("file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"); } p { font-family: X }'
            "</style></head><body><p>x</p></body></html>")
    fetcher = AssetFetcher()
    with pytest.raises(RenderError, match="font could not be loaded"):
        write_pdf(html, date(2025, 1, 1), fetcher)
    assert fetcher.refused == ["file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]


@pytest.mark.parametrize(
    ("html", "problem"),
    [('<html lang="en"><head><title>t</title></head><body><svg width="9" height="9"><rect width="9" '
      'height="9"/></svg></body></html>', "no text alternative"),
     ("<html><head><title>t</title></head><body><p>No language</p></body></html>", "no language")],
    ids=["figure-without-alt", "no-lang"],
)
def test_what_weasyprint_only_logs_fails_the_build(html, problem):
    with pytest.raises(RenderError, match=problem):
        write_pdf(html, date(2025, 1, 1))


def published(practice: Practice, base_url: str = "https://www.example.com/handouts/") -> Practice:
    return practice.model_copy(update={"publish": PublishSettings(base_url=base_url)})


def qr_codes_in(pdf: bytes) -> list[str]:
    """What every QR code printed in the PDF says, read back from the rendered pages."""
    import zxingcpp

    found = []
    for pdf_page in pymupdf.open(stream=pdf, filetype="pdf"):
        pixmap = pdf_page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
        image = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(pixmap.height, pixmap.width)
        found.extend(code.text for code in zxingcpp.read_barcodes(image))
    return found


@EDITIONS
def test_with_a_base_url_scan_to_listen_decodes_to_the_articles_own_page(seed_article, practice, edition):
    pdf = render_handout(seed_article, published(practice), edition)
    assert sorted(qr_codes_in(pdf)) == ["https://www.example.com/contact",
                                        "https://www.example.com/handouts/codependency/"]


def test_without_a_base_url_no_code_points_at_a_page_that_does_not_exist(seed):
    assert qr_codes_in(seed["regular"].pdf) == ["https://www.example.com/contact"]
