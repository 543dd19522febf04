"""The library page links each article's e-book that is built and current."""

from __future__ import annotations

import re

from pipeline.audio import Recording
from pipeline.library import render_library_page


def test_the_library_offers_the_read_along_e_book_of_those_built(short_article, seed_article, practice):
    recorded = {"codependency": Recording(b"ID3", "WEBVTT\n", 60_000, (), ())}
    page = render_library_page([short_article, seed_article], recorded, practice, ebooks=["codependency"])
    assert page.count("Read-along e-book (EPUB)") == 1
    assert '<a href="codependency/codependency.epub" type="application/epub+zip">Read-along e-book (EPUB)</a>' in page


def test_an_e_book_without_a_recording_is_not_called_read_along(short_article, seed_article, practice):
    page = render_library_page([short_article, seed_article], {}, practice, ebooks=["codependency"])
    shown = re.sub(r"<(style|script)>.*?</\1>", "", page, flags=re.S)
    assert "read-along" not in shown.lower() and "listening" not in shown.lower() and "audio" not in shown.lower()
    assert '<a href="codependency/codependency.epub" type="application/epub+zip">E-book (EPUB)</a>' in page
