"""The library page links each article's e-book that is built and current."""

from __future__ import annotations

from pipeline.library import render_library_page


def test_the_library_offers_the_read_along_e_book_of_those_built(short_article, seed_article, practice):
    page = render_library_page([short_article, seed_article], {}, practice, ebooks=["codependency"])
    assert page.count("Read-along e-book (EPUB)") == 1
    assert '<a href="codependency/codependency.epub" type="application/epub+zip">Read-along e-book (EPUB)</a>' in page
