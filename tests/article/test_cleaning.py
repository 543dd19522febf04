"""Every string that enters an article is cleaned once, at the model's boundary."""

from __future__ import annotations

import pytest

from pipeline.article import Article, CodeBlock, Paragraph, Span, clean_line, clean_text
from pipeline.handout import handout_html
from pipeline.sources import Practice, parse_article

OVERRIDE = "\u202e"  # right-to-left override: '‮0123-555 (407)‬' displays as '(704) 555-3210'
POP = "\u202c"


@pytest.mark.parametrize(("raw", "clean"), [
    (f"Call {OVERRIDE}0123-555 (407){POP} today", "Call 0123-555 (407) today"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("line\u2028separator", "line\nseparator"),
    ("bell\x07 and nul\x00", "bell and nul"),
    ("cafe\u0301", "café"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("family 👨\u200d👩\u200d👧", "family 👨\u200d👩\u200d👧"),
    ("not\ufffe a\uffff char\ufdd0acter\U0010ffff", "not a character"),
], ids=["bidi-override", "zero-width", "line-separator", "controls", "composed", "kept-whitespace", "emoji-joiner",
        "noncharacters"])
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
    assert clean_text(clean) == clean  # cleaning twice changes nothing


def test_clean_line_is_one_line() -> None:
    assert clean_line(f"  Worry\r\nat {OVERRIDE}Night{POP}  ") == "Worry at Night"


def test_the_model_cleans_whoever_builds_it() -> None:
    assert Span(f"a{OVERRIDE}b").text == "ab"
    assert CodeBlock(f"x = 1{OVERRIDE}\n").text == "x = 1\n"
    article = Article(slug="s", title=f"T{OVERRIDE}itle\n", summary=f"S{POP}um", updated=None,
                      blocks=(Paragraph((Span("x"),)),), author=f"Dr.{OVERRIDE} Lee", tags=(f"sle{POP}ep", OVERRIDE))
    assert (article.title, article.summary, article.author, article.tags) == ("Title", "Sum", "Dr. Lee", ("sleep",))


def test_a_summary_taken_from_the_body_holds_no_override(practice: Practice) -> None:
    raw = f"---\ntitle: Reaching us\n---\n\nCall us at {OVERRIDE}0123-555 (407){POP} today. We answer fast.\n"
    article = parse_article(raw.encode(), "reach.md", default_slug="reach")
    assert article.summary_from_body
    assert article.summary == "Call us at 0123-555 (407) today. We answer fast."
    html = handout_html(article, practice, "regular")
    assert OVERRIDE not in html and POP not in html


def test_every_string_of_a_source_is_cleaned() -> None:
    raw = (f"---\ntitle: \"Worry{OVERRIDE}\"\nsummary: \"Two{POP} things\"\nauthor: \"Sam{OVERRIDE}\"\n"
           f"tags: [\"sle{OVERRIDE}ep\"]\n---\n\n## Head{OVERRIDE}ing\n\nBody{OVERRIDE} text.\n\n"
           f"| A{OVERRIDE} | B |\n| --- | --- |\n| c{POP} | d |\n\n```\ncode{OVERRIDE}\n```\n")
    article = parse_article(raw.encode(), "all.md", default_slug="all")
    assert OVERRIDE not in repr(article) and POP not in repr(article)


def test_an_article_with_noncharacters_makes_well_formed_xml() -> None:
    """U+FFFE and U+FFFF are not allowed in XML: left in, they made the e-book ill-formed."""
    from lxml import etree

    from pipeline.ebook.inline import markup

    raw = "---\ntitle: \"Sleep\\uFFFE\"\n---\n\nRest\uffff well.\n"
    article = parse_article(raw.encode(), "sleep.md", default_slug="sleep")
    assert (article.title, article.blocks) == ("Sleep", (Paragraph((Span("Rest well."),)),))
    etree.fromstring(f"<h1>{article.title}</h1>".encode())
    etree.fromstring(f"<p>{markup(article.blocks[0].text)}</p>".encode())
