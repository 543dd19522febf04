"""The handout HTML: golden files for both editions, the stamp, QR codes, headings and every block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.article.model import Heading, ListItem, Paragraph, Quote, Span, plain
from pipeline.handout.html import EDITIONS, handout_html, outline, qr_codes
from pipeline.handout.qr import qr_code
from pipeline.sources.articles import parse_article, read_article
from pipeline.sources.practice import Contact, HandoutSettings, Practice
from pipeline.stamp import phone_link
from pipeline.templating import inline, printed_url

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def with_contact(practice: Practice, **changes: object) -> Practice:
    contact = Contact.model_validate({**practice.practice.model_dump(), **changes})
    return practice.model_copy(update={"practice": contact})


@pytest.fixture(scope="module")
def every_block():
    return read_article(FIXTURES / "article_with_every_block.md")


@pytest.mark.parametrize("edition", EDITIONS)
def test_seed_handout_matches_golden_file(seed_article, practice, golden, edition):
    golden(f"handout-{edition}.html", handout_html(seed_article, practice, edition))


def test_editions_share_content_but_not_design(seed_article, practice):
    regular = handout_html(seed_article, practice, "regular")
    large = handout_html(seed_article, practice, "large-print")
    assert '<link rel="stylesheet" href="template:large-print.css">' in large
    assert "large-print.css" not in regular
    assert "<title>What Does It Really Mean to Be Codependent? (large print)</title>" in large

    def body(html: str) -> str:
        return html[html.index("<main>"):]

    assert body(regular) == body(large)


def test_unknown_edition_is_refused(seed_article, practice):
    with pytest.raises(ValueError, match="unknown handout edition 'braille'"):
        handout_html(seed_article, practice, "braille")  # type: ignore[arg-type]


def test_stamp_carries_every_fact_from_the_profile(seed_article, practice):
    html = handout_html(seed_article, practice, "regular")
    for fact in (
        "Virtual sessions for clients in Arizona, Florida, North Carolina, South Carolina, Tennessee, "
        "Texas, Utah, Vermont and Virginia.",
        "In-person care in Charlotte, North Carolina and Carefree, Arizona.",
        '<a href="tel:+17045550123">(704) 555-0123</a>',
        '<a href="mailto:hello@example.com">hello@example.com</a>',
        '<a href="https://www.example.com">www.example.com</a>',
        "We reply within one business day, Monday to Friday.",
        "call or text 988",
        "not a substitute for therapy",
        "Last updated August 4, 2025",
        '<p class="practice-name">Your Practice Name</p>',
    ):
        assert fact in html, fact


def test_letter_by_default_and_a4_from_the_profile(seed_article, practice):
    assert "@page { size: letter;" in handout_html(seed_article, practice, "regular")
    a4 = practice.model_copy(update={"handout": HandoutSettings(paper="a4")})
    assert "@page { size: A4;" in handout_html(seed_article, a4, "large-print")


def test_qr_code_goes_to_the_contact_page_without_a_canonical_url(seed_article, practice):
    (code,) = qr_codes(seed_article, practice)
    assert code.url == "https://www.example.com/contact"
    assert code.caption == "Scan to contact us"
    assert code.alt == "QR code: Your Practice Name contact page at www.example.com/contact"


def test_qr_codes_for_the_article_and_its_audio(every_block, practice):
    with_audio = with_contact(practice, audio_base_url="https://www.example.com/audio")
    article_code, audio_code = qr_codes(every_block, with_audio)
    assert article_code.url == "https://www.example.org/articles/every-kind-of-block/"
    assert article_code.caption == "Scan to read this online"
    assert audio_code.url == "https://www.example.com/audio/every-block.mp3"
    assert audio_code.caption == "Scan to listen"
    assert audio_code.alt == "QR code: listen to this article at www.example.com/audio/every-block.mp3"
    html = handout_html(every_block, with_audio, "regular")
    assert html.count('<svg viewBox="') == 2
    assert "<title>QR code: listen to this article at www.example.com/audio/every-block.mp3</title>" in html


def test_qr_code_is_vector_svg_with_its_text_alternative():
    code = qr_code("https://www.example.com/contact", "Scan to contact us", 'Alt with <markup> & "quotes"')
    svg = str(code.svg)
    assert svg.startswith('<svg viewBox="0 0 ') and svg.endswith("</svg>")
    assert '<title>Alt with &lt;markup&gt; &amp; "quotes"</title>' in svg
    assert re.search(r'<path [^>]*d="M4 4\.5h7', svg), "a vector path starting at the quiet zone"
    assert "width=" not in svg, "sized by the stylesheet, so each edition can draw it its own size"


def test_every_block_kind_renders(every_block, practice):
    html = handout_html(every_block, practice, "regular")
    assert "<h2>A heading that skips a level</h2>" in html, "the first heading under the title is an H2"
    assert "<em>emphasis</em>" in html and "<strong>strong words</strong>" in html
    assert "<code>inline code</code>" in html
    assert ('<a href="https://www.example.org/guide/sleep">'
            "guide to sleep (www.example.org/&#8203;guide/&#8203;sleep)</a>") in html
    assert ("<li>\n<p>First item</p>\n<ul>\n<li>\n<p>Nested item one</p>\n<ol>\n"
            "<li>Deeply nested, numbered</li>") in html
    assert "<li>\n<p>Second item with two paragraphs</p>\n<p>The second paragraph of the item.</p>\n</li>" in html
    assert "<blockquote>\n<p>A quote with two paragraphs.</p>\n<ul>\n<li>and a list inside it</li>" in html
    assert "<pre>breathe in  4 counts\nhold        7 counts</pre>" in html
    assert '<th scope="col">Feeling</th><th scope="col">What it may tell you</th>' in html
    assert "<td>Panic</td><td>The bond feels threatened</td>" in html
    assert "<hr>" in html
    assert '<ol start="3" style="counter-reset: list-item 2">' in html
    assert "Last updated March 14, 2025. By Dr. Jane Lee" in html


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ((2, 3, 4), (2, 3, 4)),
        ((4,), (2,)),
        ((2, 5, 3), (2, 3, 3)),
        ((2, 4, 4, 2, 6), (2, 3, 3, 2, 3)),
        ((3, 2, 3), (2, 2, 3)),
    ],
    ids=["in-order", "first-is-h4", "h5-after-h2", "back-and-skip-again", "h3-first"],
)
def test_outline_never_skips_a_level(levels, expected):
    blocks = tuple(Heading(level, (Span(f"H{level}"),)) for level in levels)
    assert tuple(block.level for block in outline(blocks)) == expected


def test_outline_reaches_headings_inside_quotes_and_lists():
    from pipeline.article.model import BulletList

    nested = (Quote((Heading(5, (Span("In a quote"),)),)),
              BulletList((ListItem((Heading(6, (Span("In a list"),)),)),)))
    quote, bullets = outline(nested)
    assert quote.blocks[0].level == 2
    assert bullets.items[0].blocks[0].level == 3


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ((Span("<script>alert(1)</script>"),), "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ((Span("a\nb"),), "a<br>b"),
        ((Span("see "), Span("the guide", href="https://example.org/guide")),
         'see <a href="https://example.org/guide">the guide (example.org/&#8203;guide)</a>'),
        ((Span("example.org/guide", href="https://example.org/guide"),),
         '<a href="https://example.org/guide">example.org/&#8203;guide</a>'),
        ((Span("write to "), Span("us", href="mailto:help@example.org")),
         'write to <a href="mailto:help@example.org">us (help@example.org)</a>'),
        ((Span("bold ", strong=True, href="https://x.org"), Span("part", href="https://x.org")),
         '<a href="https://x.org">bold part (x.org)</a>'),
        ((Span('"><img src=x>', href='https://x.org/"onmouseover="'),),
         '<a href="https://x.org/&#34;onmouseover=&#34;">'
         "&#34;&gt;&lt;img src=x&gt; (x.org/&#8203;&#34;onmouseover=&#34;)</a>"),
    ],
    ids=["escaped", "hard-break", "link-prints-address", "address-not-repeated", "mailto",
         "one-link-one-address", "attribute-escaped"],
)
def test_inline_text(spans, expected):
    assert str(inline(tuple(spans))) == expected


def test_small_helpers():
    assert phone_link("(704) 555-0123") == "tel:+17045550123"
    assert phone_link("+1 704.555.0123") == "tel:+17045550123"
    assert phone_link("1-704-555-0123") == "tel:+17045550123"
    assert str(printed_url("https://www.example.com/audio/x.mp3")) == "www.example.com/&#8203;audio/&#8203;x.mp3"


def test_article_text_is_escaped_not_interpreted(practice):
    source = ("---\ntitle: <b>Bold</b> {{ title }}\nslug: escaped\nsummary: A & B < C\n"
              "updated: 2025-01-02\n---\n\nText with {% raw %} and {{ handout }}.\n")
    article = parse_article(source.encode(), "escaped.md", default_slug="escaped")
    html = handout_html(article, practice, "regular")
    assert "<h1>&lt;b&gt;Bold&lt;/b&gt; {{ title }}</h1>" in html
    assert '<p class="summary">A &amp; B &lt; C</p>' in html
    assert "<p>Text with {% raw %} and {{ handout }}.</p>" in html
    assert plain(article.blocks[0].text) == "Text with {% raw %} and {{ handout }}."  # type: ignore[union-attr]


def test_paragraph_blocks_are_plain_paragraphs(practice, seed_article):
    first = next(block for block in seed_article.blocks if isinstance(block, Paragraph))
    html = handout_html(seed_article, practice, "regular")
    assert f"<p>{plain(first.text)}</p>" in html
