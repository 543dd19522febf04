"""Clinical review dates and edition marks, read from the front matter."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from pipeline.errors import SourceError
from pipeline.sources import edition_mark, next_review, review_line, review_status
from pipeline.sources.articles import parse_article

REVIEWED = """\
---
title: Sleep and Worry
updated: 2025-08-04
reviewed_by: Jane Doe, LCSW
reviewed_on: 2025-03-03
---

Worry often gets louder at night.

## What helps

Write the worry down.
"""


@pytest.fixture(scope="module")
def reviewed():
    return parse_article(REVIEWED.encode(), "sleep.md", "sleep")


def test_front_matter_review_fields_are_read(reviewed):
    assert (reviewed.reviewed_by, reviewed.reviewed_on, reviewed.next_review) == ("Jane Doe, LCSW", date(2025, 3, 3),
                                                                                   None)


def test_blocks_carry_their_line_in_the_file(reviewed):
    assert [block.line for block in reviewed.blocks] == [8, 10, 12]
    crlf = parse_article(REVIEWED.replace("\n", "\r\n").encode("utf-8-sig"), "sleep.md", "sleep")
    assert [block.line for block in crlf.blocks] == [8, 10, 12]
    assert crlf.blocks == reviewed.blocks  # a line number is not part of what a block says


@pytest.mark.parametrize("fields, problem", [
    ("reviewed_by: Jane Doe, LCSW\n", "sleep.md: reviewed_on: missing; a review needs both"),
    ("reviewed_on: 2025-03-03\n", "sleep.md: reviewed_by: missing; a review needs both"),
    ("reviewed_by: Jane Doe\nreviewed_on: March 3\n", "sleep.md: reviewed_on: expected a date like 2025-08-04"),
    ("reviewed_by: Jane\nreviewed_on: 2025-03-03\nnext_review: soon\n",
     "sleep.md: next_review: expected a date like 2025-08-04"),
], ids=["no-date", "no-reviewer", "bad-date", "bad-next"])
def test_a_half_or_broken_review_is_one_line_naming_the_field(fields, problem):
    with pytest.raises(SourceError) as raised:
        parse_article(f"---\ntitle: T\n{fields}---\n\nText.\n".encode(), "sleep.md", "sleep")
    assert any(line.startswith(problem) for line in raised.value.problems), raised.value.problems


@pytest.mark.parametrize("today, status", [
    (date(2026, 1, 1), "current"),
    (date(2028, 2, 1), "current"),
    (date(2028, 2, 2), "due"),  # 30 days before 2028-03-03 (a leap year)
    (date(2028, 3, 3), "due"),
    (date(2028, 3, 4), "overdue"),
], ids=["new", "day-before-warning", "warning-starts", "due-day", "day-after"])
def test_status_follows_the_three_year_cycle_and_the_warning_days(reviewed, today, status):
    assert next_review(reviewed, every_years=3) == date(2028, 3, 3)
    assert review_status(reviewed, 3, 30, today) == status


def test_an_explicit_next_review_wins_and_a_leap_day_review_falls_due_on_the_28th(reviewed):
    early = dataclasses.replace(reviewed, next_review=date(2026, 1, 1))
    assert next_review(early, 3) == date(2026, 1, 1) and review_status(early, 3, 30, date(2026, 1, 2)) == "overdue"
    leap = dataclasses.replace(reviewed, reviewed_on=date(2024, 2, 29))
    assert next_review(leap, 1) == date(2025, 2, 28)


def test_an_article_without_a_review_is_unreviewed(short_article):
    assert review_status(short_article, 3, 30, date(2025, 1, 1)) == "unreviewed"
    assert review_line(short_article) is None


def test_the_review_line_is_in_the_article_s_language(reviewed):
    assert review_line(reviewed) == "Reviewed by Jane Doe, LCSW, on March 3, 2025"
    spanish = dataclasses.replace(reviewed, language="es")
    assert review_line(spanish) == "Revisado por Jane Doe, LCSW, el 3 de marzo de 2025"


def test_the_edition_mark_changes_with_the_words_only(reviewed):
    mark = edition_mark(reviewed)
    assert str(mark) == f"2025-08-04 · {mark.digest}" and len(mark.digest) == 7
    assert edition_mark(parse_article(REVIEWED.encode(), "elsewhere.md", "sleep")) == mark  # not the file's path
    edited = parse_article(REVIEWED.replace("down.", "down on paper.").encode(), "sleep.md", "sleep")
    assert edition_mark(edited).digest != mark.digest
    undated = dataclasses.replace(reviewed, updated=None)
    assert edition_mark(undated).day == date(2025, 3, 3)
