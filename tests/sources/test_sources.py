"""Reading article sources: front matter, the Markdown body as typed blocks, and bad input."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.article.model import BulletList, CodeBlock, Heading, OrderedList, Paragraph, Quote, Span, Table, plain
from pipeline.article.text import sections
from pipeline.errors import SourceError
from pipeline.sources.articles import parse_article, read_library

FRONT = "---\ntitle: Sleep and Worry\nsummary: Two small things that help.\nupdated: 2025-03-14\n---\n"


def parse(text: str | bytes, name: str = "sleep-and-worry.md"):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_article(raw, f"sources/articles/{name}", default_slug=name.removesuffix(".md"))


def test_seed_article_structure(seed_article):
    assert seed_article.slug == "codependency"
    assert seed_article.updated == date(2025, 8, 4)
    headings = [plain(b.text) for b in seed_article.blocks if isinstance(b, Heading)]
    assert len(headings) == 7 and headings[0] == "Where does the concept of codependency come from?"
    assert all(b.level == 2 for b in seed_article.blocks if isinstance(b, Heading))
    bullets = [b for b in seed_article.blocks if isinstance(b, BulletList)]
    ordered = [b for b in seed_article.blocks if isinstance(b, OrderedList)]
    assert [len(b.items) for b in bullets] == [3] and [len(b.items) for b in ordered] == [2]
    assert sum(isinstance(b, Quote) for b in seed_article.blocks) == 1
    assert len(sections(seed_article)) == 8
    text = "\n".join(plain(b.text) for b in seed_article.blocks if isinstance(b, Paragraph))
    for chrome in ("SHARE THIS", "Contact us", "Click HERE", "CONNECT WITH US", "Our licensed therapists"):
        assert chrome not in text
    assert seed_article.warnings == ()


def test_inline_styles_and_safe_links():
    article = parse(FRONT + "Some *soft* and **firm** words, `code`, "
                    "[our site](https://example.com) and [a file](file:///etc/passwd).\n")
    spans = article.blocks[0].text
    assert [(s.text, s.emphasis, s.strong, s.code) for s in spans[:5]] == [
        ("Some ", False, False, False), ("soft", True, False, False), (" and ", False, False, False),
        ("firm", False, True, False), (" words, ", False, False, False)]
    assert [s.text for s in spans if s.href] == ["our site"]
    assert spans[-1] == Span(" and a file.")
    assert any("file:///etc/passwd" in w for w in article.warnings)


def test_raw_html_and_images_are_dropped():
    article = parse(FRONT + "<script>alert(1)</script>\n\nHello <b onclick='x()'>there</b> "
                    "![cat](file:///etc/passwd)\n\n<iframe src='https://evil.example'></iframe>\n")
    text = " ".join(plain(b.text) for b in article.blocks)
    assert "alert" not in text and "<" not in text and "passwd" not in text
    assert text.split() == ["Hello", "there"]
    assert len(article.warnings) >= 4


def test_nested_lists_tables_quotes_and_code():
    body = ("- one\n  - one a\n    - one a i\n- two\n\n3. three\n4. four\n\n> quoted\n\n"
            "| Feeling | Need |\n|---|---|\n| panic | closeness |\n\n```\ncode here\n```\n")
    article = parse(FRONT + body)
    kinds = [type(b) for b in article.blocks]
    assert kinds == [BulletList, OrderedList, Quote, Table, CodeBlock]
    nested = article.blocks[0].items[0].blocks[1]
    assert isinstance(nested, BulletList) and isinstance(nested.items[0].blocks[1], BulletList)
    assert article.blocks[1].start == 3
    table = article.blocks[3]
    assert [plain(c) for c in table.header] == ["Feeling", "Need"]
    assert [[plain(c) for c in row] for row in table.rows] == [["panic", "closeness"]]


@pytest.mark.parametrize("raw", [
    ("\ufeff" + FRONT + "Body text.\n").encode(),
    (FRONT + "Body text.\n").replace("\n", "\r\n").encode(),
], ids=["utf8_bom", "windows_line_endings"])
def test_unusual_but_valid_encodings(raw):
    article = parse(raw)
    assert article.title == "Sleep and Worry" and plain(article.blocks[0].text) == "Body text."


def test_title_control_characters_are_cleaned():
    article = parse(FRONT.replace("Sleep and Worry", '"Sleep\\r\\nBcc: x@evil.example\\u0007"') + "Body.\n")
    assert article.title == "Sleep Bcc: x@evil.example"


BAD_ARTICLES = [
    ("no_front_matter", "Just a body.\n", "front matter: expected the file to start with a '---' block"),
    ("unclosed_front_matter", "---\ntitle: x\nBody\n", "front matter: no closing '---' line"),
    ("front_matter_not_yaml", "---\ntitle: [unclosed\n---\nBody\n",
     "front matter (line 2): a list in [ ] is not closed; write it as [first, second] on one line"),
    ("title_with_a_colon", FRONT.replace("Sleep and Worry", "Sleep: what helps") + "Body\n",
     'front matter (line 2): title: the value holds a colon, which YAML reads as a new key; put the value in '
     'quotes: title: "Sleep: what helps"'),
    ("quote_never_closed", FRONT.replace("Sleep and Worry", '"Sleep and Worry') + "Body\n",
     "front matter (line 2): a quotation mark is opened and never closed"),
    ("field_indented", FRONT.replace("---\ntitle", "---\ntitle: x\n  author: Me\ntitle") + "Body\n",
     "a line is indented as if it belonged to the field above"),
    ("front_matter_is_a_list", "---\n- a\n- b\n---\nBody\n", "front matter: expected 'key: value' lines"),
    ("missing_title", FRONT.replace("title: Sleep and Worry\n", "") + "Body\n", "title: missing"),
    ("empty_title", FRONT.replace("Sleep and Worry", '""') + "Body\n", "title: empty"),
    ("title_not_text", FRONT.replace("Sleep and Worry", "[1, 2]") + "Body\n", "title: expected text"),
    ("bad_date", FRONT.replace("2025-03-14", "last spring") + "Body\n", "updated: expected a date"),
    ("impossible_date", FRONT.replace("2025-03-14", "2025-02-30") + "Body\n", "updated: expected a date"),
    ("empty_body", FRONT, "body: empty"),
    ("whitespace_body", FRONT + "\n\n   \n", "body: empty"),
    ("only_html_body", FRONT + "<div>hidden</div>\n", "body: empty"),
    ("unknown_field", FRONT.replace("---\ntitle", "---\nauthr: Me\ntitle") + "Body\n",
     "authr: unknown field; did you mean 'author'?"),
    ("unknown_field_nothing_near", FRONT.replace("---\ntitle", "---\ncolour: Me\ntitle") + "Body\n",
     "colour: unknown field (expected one of author, "),
    ("slug_path_traversal", FRONT.replace("---\ntitle", "---\nslug: ../../etc\ntitle") + "Body\n",
     "slug: '../../etc' is not a plain name"),
    ("slug_uppercase", FRONT.replace("---\ntitle", "---\nslug: Sleep\ntitle") + "Body\n",
     "slug: 'Sleep' is not a plain name"),
    ("slug_absolute", FRONT.replace("---\ntitle", "---\nslug: /tmp/x\ntitle") + "Body\n", "slug: '/tmp/x'"),
    ("canonical_file_url", FRONT.replace("---\ntitle", "---\ncanonical_url: file:///etc/passwd\ntitle")
     + "Body\n", "canonical_url: 'file:///etc/passwd' is not a web address"),
    ("tags_not_list", FRONT.replace("---\ntitle", "---\ntags: 5\ntitle") + "Body\n", "tags: expected a list"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    ("not_utf8", (FRONT + "Caf\u00e9 au lait.\n").encode("cp1252"), "not UTF-8 text"),
    ("utf16", (FRONT + "Body\n").encode("utf-16"), "binary data"),
]


@pytest.mark.parametrize(("raw", "message"), [c[1:] for c in BAD_ARTICLES], ids=[c[0] for c in BAD_ARTICLES])
def test_bad_article_is_one_line_naming_file_and_field(raw, message):
    with pytest.raises(SourceError) as caught:
        parse(raw)
    problems = caught.value.problems
    assert any(p.startswith("sources/articles/sleep-and-worry.md: ") and message in p for p in problems), problems
    assert all("\n" not in p for p in problems)


def test_filename_that_is_not_a_slug_is_rejected():
    with pytest.raises(SourceError, match=r"Sleep Notes.md: slug: 'Sleep Notes'"):
        parse(FRONT + "Body\n", name="Sleep Notes.md")


def test_library_keeps_good_articles_and_reports_bad_ones(tmp_path):
    (tmp_path / "good.md").write_text(FRONT + "Body\n")
    (tmp_path / "bad.md").write_text("no front matter\n")
    library = read_library(tmp_path)
    assert [a.slug for a in library.articles] == ["good"]
    assert len(library.problems) == 1
    assert any("bad.md: front matter" in p for p in library.problems)
