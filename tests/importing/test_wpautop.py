"""wpautop: classic-editor text gets its paragraphs by WordPress's rules, step by step."""

from __future__ import annotations

import pytest

from pipeline.importing.wpautop import wpautop


@pytest.mark.parametrize(("text", "html"), [
    ("One.\n\nTwo.", "<p>One.</p>\n<p>Two.</p>\n"),
    ("Line one\nline two", "<p>Line one<br />\nline two</p>\n"),
    ("<p>Typed.</p>\nAfter it.\n\nLast.", "<p>Typed.</p>\n<p>After it.</p>\n<p>Last.</p>\n"),
    ("Intro:\n<ul>\n<li>one</li>\n</ul>\nOutro.", "<p>Intro:</p>\n<ul>\n<li>one</li>\n</ul>\n<p>Outro.</p>\n"),
    ("Before<br /><br />after", "<p>Before</p>\n<p>after</p>\n"),
    ("<pre>a\n\nb</pre>", "<pre>a\n\nb</pre>\n"),
    ("", ""),
], ids=["blank-line", "line-break", "typed-p-then-blank-lines", "block-tags-stand-alone", "two-breaks", "pre-kept",
        "empty"])
def test_wpautop(text: str, html: str) -> None:
    assert wpautop(text) == html

