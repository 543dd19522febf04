"""Wix shows this year's dates without the year ("Mar 3", "Updated: Apr 2") and, in copied text,
runs the author's photo caption into the name ("Writer's pictureJane Doe, LCSW").

No saved or copied Wix page with either could be found under a permissive licence; these tests
take the project's own Wix post (tests/fixtures/import/wix-racing-mind.*, written in Wix's layout)
and, in a temporary copy, write its dates and caption as Wix does for a post of this year.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.importing.furniture import Byline, Yearless, byline
from pipeline.importing.importer import import_page
from pipeline.importing.platforms import captioned_author
from pipeline.importing.stamps import stamped_date
from pipeline.sources.articles import parse_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _imported(tmp_path: Path, name: str, *changes: tuple[str, str]):
    text = (PAGES / name).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    copy = tmp_path / name
    copy.write_text(text, encoding="utf-8")
    imported = import_page(copy)
    return imported, parse_article(imported.markdown.encode(), "post.md", default_slug=imported.slug)


@pytest.mark.parametrize("line, stamp", [
    ("Updated: Apr 2", Yearless("Updated: Apr 2", 4, 2, True)),
    ("Mar 3", Yearless("Mar 3", 3, 3, False, named=False)),
    ("Updated March 3", Yearless("Updated March 3", 3, 3, True)),
    ("Feb 29", Yearless("Feb 29", 2, 29, False, named=False)),
])
def test_a_date_without_its_year_is_a_stamp_with_no_date_guessed(line, stamp):
    assert byline(line) == Byline(yearless=stamp)


def test_a_stamp_without_a_year_takes_the_pages_year_or_none():
    updated = Byline(yearless=Yearless("Updated: Apr 2", 4, 2, True))
    posted = Byline(published=date(2024, 3, 3))
    assert stamped_date([posted, updated]) == (date(2024, 4, 2), None)
    assert stamped_date([updated], page_date=date(2023, 1, 9)) == (date(2023, 4, 2), None)
    january = Byline(yearless=Yearless("Updated: Jan 5", 1, 5, True))
    assert stamped_date([Byline(published=date(2023, 12, 20)), january]) == (date(2024, 1, 5), None)
    day, note = stamped_date([updated])
    assert day is None and "'Updated: Apr 2' has no year" in note and "add updated:" in note
    leap = Byline(yearless=Yearless("Updated: Feb 29", 2, 29, True))
    day, note = stamped_date([Byline(published=date(2023, 1, 2)), leap])
    assert day == date(2023, 1, 2) and "not a day of 2023" in note


def test_copied_text_with_only_yearless_dates_leaves_the_date_out_and_says_so(tmp_path):
    imported, article = _imported(tmp_path, "wix-racing-mind.txt", ("Mar 3, 2024\n", "Mar 3\n"),
                                  ("Updated: Apr 2, 2024\n", "Updated: Apr 2\n"))
    assert article.updated is None
    assert article.import_findings == ("no date found: 'Updated: Apr 2' has no year and the page gives none, so no "
                                       "date was guessed; add updated: (the day it was last reviewed)",)
    assert "Apr 2" not in imported.markdown.split("\n---\n", 1)[1]


def test_copied_text_with_a_full_posting_date_gives_the_update_its_year(tmp_path):
    _, article = _imported(tmp_path, "wix-racing-mind.txt", ("Updated: Apr 2, 2024\n", "Updated: Apr 2\n"))
    assert article.updated == date(2024, 4, 2)


def test_a_saved_page_gives_a_yearless_update_the_pages_year(tmp_path):
    imported, article = _imported(tmp_path, "wix-racing-mind.html",
                                  ("<span>Updated: Apr 2, 2024</span>", "<span>Updated: Apr 2</span>"),
                                  ('title="Mar 3, 2024">Mar 3, 2024<', 'title="Mar 3">Mar 3<'))
    assert article.updated == date(2024, 4, 2)  # 2024: the page's article:published_time
    assert "Updated" not in imported.markdown.split("\n---\n", 1)[1]


@pytest.mark.parametrize("line, name", [
    ("Writer's pictureJane Doe, LCSW", "Jane Doe, LCSW"),
    ("Writer’s picture Jane Doe", "Jane Doe"),
    ("Author photo: Sam Lee, PsyD", "Sam Lee, PsyD"),
    ("Writer's picture", None),
    ("Writer's picture of the lake at dawn", None),
])
def test_the_name_on_an_author_photo_captions_line(line, name):
    assert captioned_author(line) == name


def test_copied_text_with_the_caption_run_into_the_name_gives_the_author(tmp_path):
    imported, article = _imported(tmp_path, "wix-racing-mind.txt",
                                  ("Writer's picture\nJane Doe, LCSW\n", "Writer's pictureJane Doe, LCSW\n"))
    assert article.author == "Jane Doe, LCSW"
    assert 'author photo caption: "Writer\'s pictureJane Doe, LCSW"' in imported.removed
    assert "Writer" not in imported.markdown.split("\n---\n", 1)[1]


def test_a_bare_month_and_day_in_the_articles_own_text_stays(tmp_path):
    """Only beside the byline is "Mar 3" the post's date; a line of the article that reads "May 5"
    (a date in a list of sessions, a heading in a diary) is the clinician's words and stays."""
    imported, article = _imported(tmp_path, "wix-racing-mind.txt", ("A racing mind is not a broken mind.",
                                                                    "May 5\n\nA racing mind is not a broken mind."))
    assert any(line.lstrip("# ") == "May 5" for line in imported.markdown.split("\n---\n", 1)[1].splitlines())
    assert article.updated == date(2024, 4, 2)
    page, _ = _imported(tmp_path, "wix-racing-mind.html", ("<p>A racing mind", "<p>May 5</p>\n<p>A racing mind"))
    assert any(line.lstrip("# ") == "May 5" for line in page.markdown.split("\n---\n", 1)[1].splitlines())
