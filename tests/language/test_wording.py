"""How dates and durations are written for readers: input/output tables for each wording."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.language.wording import clock, listening_time, long_date, running_time


@pytest.mark.parametrize(
    ("day", "words"),
    [(date(2025, 8, 4), "August 4, 2025"), (date(2026, 1, 31), "January 31, 2026"),
     (date(2025, 12, 1), "December 1, 2025")],
    ids=["seed-article", "first-month", "last-month"],
)
def test_dates_are_written_out_in_english(day, words):
    assert long_date(day) == words


@pytest.mark.parametrize(
    ("duration_ms", "words"),
    [(6_000, "under a minute"), (50_000, "1 minute"), (89_000, "1 minute"), (91_000, "2 minutes"),
     (373_000, "6 minutes")],
    ids=["seconds", "almost-a-minute", "a-minute-and-a-half", "over-a-minute-and-a-half", "seed-article"],
)
def test_listening_time_in_words(duration_ms, words):
    assert listening_time(duration_ms) == words


@pytest.mark.parametrize(
    ("ms", "shown"),
    [(0, "0:00"), (9_999, "0:09"), (73_000, "1:13"), (3_723_000, "1:02:03")],
    ids=["start", "under-ten-seconds", "minutes", "hours"],
)
def test_chapter_start_times(ms, shown):
    assert clock(ms) == shown


@pytest.mark.parametrize(
    ("duration_ms", "shown"),
    [(0, "0:00"), (9_999, "0:10"), (59_600, "1:00"), (373_400, "6:13"), (3_723_000, "62:03")],
    ids=["empty", "rounds-up", "rounds-into-the-next-minute", "seed-article", "minutes-past-the-hour"],
)
def test_running_time_in_the_build_table(duration_ms, shown):
    assert running_time(duration_ms) == shown
