"""Who reviewed a handout and which edition it is: on the first page, in every footer, in the PDF's metadata."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import feedparser
import pikepdf
import pymupdf

from pipeline.handout.html import handout_html, render_handout
from pipeline.library import Episode, render_feed
from pipeline.library.article_page import render_article_page
from pipeline.sources import edition_mark
from pipeline.sources.practice import PublishSettings


def _reviewed(article):
    return dataclasses.replace(article, reviewed_by="Jane Doe, LCSW", reviewed_on=date(2025, 3, 3))


def test_the_handout_says_who_reviewed_it_and_carries_its_edition_everywhere(seed_article, practice):
    article = _reviewed(seed_article)
    mark = edition_mark(article)
    pdf = render_handout(article, practice, "regular")
    with pymupdf.open(stream=pdf) as document:
        pages = [page.get_text() for page in document]
    assert "Reviewed by Jane Doe, LCSW, on March 3, 2025" in pages[0]
    assert f"Edition {mark}" in pages[0]
    assert all(f"Ed. {mark.digest}" in text for text in pages), "the edition's digest is in every page's footer"
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        assert str(opened.docinfo["/reviewed"]) == "Reviewed by Jane Doe, LCSW, on March 3, 2025"
        assert str(opened.docinfo["/edition"]) == f"Edition {mark}"


def test_an_unreviewed_handout_claims_no_review(seed_article, practice):
    html = handout_html(seed_article, practice, "large-print")
    assert "Reviewed by" not in html and 'name="reviewed"' not in html
    assert f"Edition {edition_mark(seed_article)}" in html


def test_a_spanish_handout_says_it_in_spanish(spanish_article, practice):
    html = handout_html(_reviewed(spanish_article), practice, "regular")
    assert "Revisado por Jane Doe, LCSW, el 3 de marzo de 2025" in html and "Edición " in html


def test_the_article_page_and_the_feed_carry_the_review(short_article, practice):
    article = _reviewed(short_article)
    page = render_article_page(article, None, practice)
    assert 'Reviewed by Jane Doe, LCSW, on March 3, 2025. Edition' in page
    published = practice.model_copy(update={"publish": PublishSettings(base_url="https://www.harborcouples.com/h/")})
    feed = feedparser.parse(render_feed([Episode(article, 6000, 1000)], published, "artwork.png"))
    assert "Reviewed by Jane Doe, LCSW, on March 3, 2025" in feed.entries[0].description
