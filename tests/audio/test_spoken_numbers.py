"""Normalising step, numbers: digits, money, dates and times as in/out tables."""

from __future__ import annotations

import pytest

from pipeline.audio.spoken_script.spoken_numbers import (
    cardinal,
    dates,
    digits,
    money,
    numbers,
    ordinals,
    percentages,
    phone_numbers,
    ranges,
    service_numbers,
    times,
    year,
    years,
)


def table(*rows: tuple[str, str, str]):
    """Rows of (id, in, out) as a parametrize table with ids."""
    return pytest.mark.parametrize(("text_in", "text_out"), [row[1:] for row in rows],
                                   ids=[row[0] for row in rows])


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (cardinal(101), "one hundred one"),
        (cardinal(1234), "one thousand two hundred thirty-four"),
        (year(2025), "twenty twenty-five"),
        (year(2005), "two thousand five"),
        (year(1999), "nineteen ninety-nine"),
        (digits("(704)"), "7 0 4"),
    ],
    ids=["no-and", "no-commas", "year-2025", "year-2005", "year-1999", "digits"],
)
def test_words_are_american(said: str, expected: str) -> None:
    assert said == expected


@table(
    ("brackets", "Call (704) 555-0123.", "Call 7 0 4, 5 5 5, 0 1 2 3."),
    ("dashes", "704-555-0123", "7 0 4, 5 5 5, 0 1 2 3"),
    ("dots", "704.555.0123", "7 0 4, 5 5 5, 0 1 2 3"),
    ("country-code", "+1 704 555 0123", "7 0 4, 5 5 5, 0 1 2 3"),
    ("not-money", "$704 555-0123", "$704 555-0123"),
    ("too-short", "555-0123", "555-0123"),
)
def test_phone_numbers(text_in: str, text_out: str) -> None:
    assert phone_numbers(text_in) == text_out


@table(
    ("988", "call or text 988 to reach", "call or text 9 8 8 to reach"),
    ("911-end", "call 911.", "call 9 1 1."),
    ("24-7", "open 24/7", "open twenty-four seven"),
    ("bigger-number", "9880 people", "9880 people"),
    ("money", "$911", "$911"),
    ("decimal", "911.5", "911.5"),
)
def test_service_numbers(text_in: str, text_out: str) -> None:
    assert service_numbers(text_in) == text_out


@table(
    ("month-day-year", "August 4, 2025", "August fourth, twenty twenty-five"),
    ("abbreviated", "Aug. 4", "August fourth"),
    ("sept", "Sept 30, 1999", "September thirtieth, nineteen ninety-nine"),
    ("ordinal-day", "May 1st", "May first"),
    ("slashes", "8/4/2025", "August fourth, twenty twenty-five"),
    ("iso", "2025-08-04", "August fourth, twenty twenty-five"),
    ("not-a-month", "Mayor 5", "Mayor 5"),
    ("impossible", "13/45/2025", "13/45/2025"),
)
def test_dates(text_in: str, text_out: str) -> None:
    assert dates(text_in) == text_out


@table(
    ("pm-dots", "at 3:30 p.m. today", "at three thirty P M today"),
    ("am-ends-sentence", "at 10 a.m.", "at ten A M."),
    ("upper-no-space", "9AM", "nine A M"),
    ("oh-minutes", "at 9:05", "at nine oh five"),
    ("on-the-hour", "at 9:00", "at nine o'clock"),
    ("on-the-hour-pm", "5:00 PM", "five P M"),
    ("not-a-time", "I am 5 and amazing", "I am 5 and amazing"),
)
def test_times(text_in: str, text_out: str) -> None:
    assert times(text_in) == text_out


@table(
    ("dollars", "$500", "five hundred dollars"),
    ("one-dollar", "$1", "one dollar"),
    ("cents", "$5.50", "five dollars and fifty cents"),
    ("only-cents", "$0.99", "ninety-nine cents"),
    ("thousands", "$1,200", "one thousand two hundred dollars"),
    ("scale", "$1.5 million", "one point five million dollars"),
)
def test_money(text_in: str, text_out: str) -> None:
    assert money(text_in) == text_out


@table(
    ("percent", "50%", "50 percent"),
    ("spaced", "3.5 %", "3.5 percent"),
)
def test_percentages(text_in: str, text_out: str) -> None:
    assert percentages(text_in) == text_out


@table(
    ("hyphen", "10-15 minutes", "10 to 15 minutes"),
    ("en-dash", "9–5", "9 to 5"),
    ("words-untouched", "self-care", "self-care"),
)
def test_ranges(text_in: str, text_out: str) -> None:
    assert ranges(text_in) == text_out


@table(
    ("third", "the 3rd time", "the third time"),
    ("twenty-first", "21st", "twenty-first"),
    ("not-ordinal", "3rdparty", "3rdparty"),
)
def test_ordinals(text_in: str, text_out: str) -> None:
    assert ordinals(text_in) == text_out


@table(
    ("year", "in 2025", "in twenty twenty-five"),
    ("decade", "the 1990s", "the nineteen nineties"),
    ("short-decade", "the '80s", "the eighties"),
    ("count-reads-the-same", "1500 people", "fifteen hundred people"),
    ("not-a-year", "12345", "12345"),
    ("with-comma", "1,500", "1,500"),
)
def test_years(text_in: str, text_out: str) -> None:
    assert years(text_in) == text_out


@table(
    ("small", "7 days", "seven days"),
    ("thousands", "1,200 people", "one thousand two hundred people"),
    ("decimal", "3.5 hours", "three point five hours"),
    ("half", "1/2 cup", "one half cup"),
    ("other-fraction", "5/8", "five over eight"),
    ("digit-run-kept", "text 9 8 8 now", "text 9 8 8 now"),
    ("sentence-end", "I have 2.", "I have two."),
    ("inside-words-kept", "MP3 and 3D", "MP3 and 3D"),
)
def test_numbers(text_in: str, text_out: str) -> None:
    assert numbers(text_in) == text_out


HUGE = "9" * 30


@table(
    ("money-30-digits", f"${HUGE} fee", f"{', '.join(['nine nine nine'] * 10)} dollars fee"),
    ("money-30-digits-cents", f"${HUGE}.5", f"{', '.join(['nine nine nine'] * 10)} dollars and fifty cents"),
    ("googol-and-more", "1" + "0" * 101, "one zero zero, " + ", ".join(["zero zero zero"] * 33)),
    ("15-digits-as-words", "100000000000000", "one hundred trillion"),
    ("16-digits-grouped", "1234567890123456", "one two three, four five six, seven eight nine, "
                                                 "zero one two, three four five, six"),
    ("long-ordinal", "12345678901234567th", "number one two three, four five six, seven eight nine, "
                                            "zero one two, three four five, six seven"),
    ("long-decimal", "3." + "1" * 40, "three point " + " ".join(["one"] * 40)),
    ("one-dollar", "$1.00", "one dollar"),
    ("a-cent", "$0.01", "one cent"),
)
def test_numbers_of_any_length_are_spoken(text_in: str, text_out: str) -> None:
    from pipeline.audio.spoken_script.normalise import normalise

    assert normalise(text_in) == text_out


@pytest.mark.parametrize("written", ["$" + "7" * 5000, "7" * 5000, "$" + "7" * 5000 + ".25",
                                     "7" * 5000 + "th", "7" * 5000 + ".5"],
                         ids=["money", "plain", "money-cents", "ordinal", "decimal"])
def test_past_python_int_limit_is_read_digit_by_digit(written: str) -> None:
    from pipeline.audio.spoken_script.normalise import normalise

    said = normalise(written)
    assert said.count("seven") == 5000 and not any(character.isdigit() for character in said)
