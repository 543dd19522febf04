"""Normalising step: each text step on its own, then the whole chain, as in/out tables."""

from __future__ import annotations

import pytest

from pipeline.audio.spoken_script.english import STEPS, abbreviations, state_codes, symbols
from pipeline.audio.spoken_script.normalise import normalise
from pipeline.audio.spoken_script.shared_steps import (
    characters,
    dashes,
    emails,
    printable,
    pronunciations,
    spacing,
    web_addresses,
)


def table(*rows: tuple[str, str, str]):
    """Rows of (id, in, out) as a parametrize table with ids."""
    return pytest.mark.parametrize(("text_in", "text_out"), [row[1:] for row in rows],
                                   ids=[row[0] for row in rows])


@table(
    ("curly-apostrophe", "don’t", "don't"),
    ("curly-quotes-dropped", "being “too needy.”", "being too needy."),
    ("straight-quotes-dropped", 'a "gift"', "a gift"),
    ("emoji", "Welcome! 🙂 Come in 👋🏽.", "Welcome!  Come in ."),
    ("emoji-with-selector", "Love ❤️ it", "Love  it"),
    ("zero-width", "co\u200bdependent\u2060", "codependent"),
    ("control", "one\x07two", "onetwo"),
    ("non-breaking-space", "5\u00a0minutes", "5 minutes"),
    ("ellipsis-char", "wanted… but", "wanted... but"),
    ("degrees", "70° outside", "70 degrees outside"),
    ("accents-kept", "café naïve", "café naïve"),
)
def test_characters(text_in: str, text_out: str) -> None:
    assert characters(text_in) == text_out


def test_printable_keeps_what_a_reader_sees() -> None:
    assert printable("🙂 “Too needy,” she said—ok…\u200b") == "“Too needy,” she said—ok…"


@table(
    ("simple", "hello@example.com", "hello at example dot com"),
    ("dotted-name", "jane.doe@my-practice.org", "jane dot doe at my dash practice dot org"),
    ("plus", "desk+intake@example.com", "desk plus intake at example dot com"),
    ("sentence-end", "Write to hello@example.com.", "Write to hello at example dot com."),
    ("upper-domain", "hello@Example.COM", "hello at example dot com"),
)
def test_emails(text_in: str, text_out: str) -> None:
    assert emails(text_in) == text_out


@table(
    ("www-dropped", "Visit www.example.com today", "Visit example dot com today"),
    ("scheme-and-slash", "See https://www.example.com/contact/.", "See example dot com slash contact."),
    ("short-path", "https://example.com/about-us", "example dot com slash about dash us"),
    ("coded-path-only-host", "https://example.com/forms/intake-2025?id=7", "example dot com"),
    ("deep-path-only-host", "https://example.com/a/b/c", "example dot com"),
    ("bare-domain", "example.org is ours", "example dot org is ours"),
    ("in-brackets", "(https://example.com)", "(example dot com)"),
    ("not-an-abbreviation", "e.g. this", "e.g. this"),
    ("not-a-file-name", "notes.pdf", "notes.pdf"),
)
def test_web_addresses(text_in: str, text_out: str) -> None:
    assert web_addresses(text_in) == text_out


@table(
    ("doctor", "Dr. Lee says", "Doctor Lee says"),
    ("doctor-lowercase-after", "ask the Dr. about it", "ask the Doctor about it"),
    ("street", "at 1200 Oak Dr. today", "at 1200 Oak Drive today"),
    ("mister-missus-miz", "Mr. and Mrs. Cho met Ms. Ray", "Mister and Missus Cho met Miz Ray"),
    ("for-example", "pears, e.g. ripe ones", "pears, for example ripe ones"),
    ("that-is", "rest, i.e. sleep", "rest, that is sleep"),
    ("et-cetera-mid", "worry, fear, etc. can", "worry, fear, et cetera can"),
    ("et-cetera-ends-sentence", "worry, fear, etc.", "worry, fear, et cetera."),
    ("versus", "nature vs. nurture", "nature versus nurture"),
    ("number", "Step No. 3 and #1", "Step number 3 and number 1"),
    ("phd", "She has a Ph.D. and a PhD", "She has a P H D and a P H D"),
    ("us", "in the U.S. today", "in the U S today"),
    ("weekday-range", "Mon–Fri only", "Monday to Friday only"),
    ("weekday-range-hyphen", "Tue-Thu.", "Tuesday to Thursday."),
    ("plain-words-untouched", "Drive to the door", "Drive to the door"),
)
def test_abbreviations(text_in: str, text_out: str) -> None:
    assert abbreviations(text_in) == text_out


@table(
    ("em-dash", "dysfunctional—it sounded", "dysfunctional, it sounded"),
    ("spaced-en-dash", "hard – really hard", "hard, really hard"),
    ("double-hyphen", "hard -- really", "hard, really"),
    ("word-range", "Monday–Friday", "Monday to Friday"),
    ("hyphenated-phrase", "you-are-with-me-I-am-with-you", "you are with me I am with you"),
    ("ellipsis-mid", "wanted... but", "wanted, but"),
    ("ellipsis-end", "and then...", "and then."),
    ("number-range-left-for-later", "10-15", "10-15"),
    ("letters-and-digits", "COVID-19", "COVID 19"),
)
def test_dashes(text_in: str, text_out: str) -> None:
    assert dashes(text_in) == text_out


@table(
    ("after-city", "Charlotte, NC", "Charlotte, North Carolina"),
    ("two-word-city", "Salt Lake City, UT.", "Salt Lake City, Utah."),
    ("zip-read-as-digits", "Charlotte, NC 28202", "Charlotte, North Carolina 2 8 2 0 2"),
    ("word-code-after-city", "Portland, OR", "Portland, Oregon"),
    ("list-of-codes", "AZ, FL, NC, SC, TN, TX, UT, VT and VA",
     "Arizona, Florida, North Carolina, South Carolina, Tennessee, Texas, Utah, Vermont and Virginia"),
    ("pair", "NC/SC", "North Carolina/South Carolina"),
    ("after-in", "clients in NC today", "clients in North Carolina today"),
    ("word-IN-untouched", "log IN now", "log IN now"),
    ("word-OR-untouched", "YES, OR NO", "YES, OR NO"),
    ("interjection-not-city", "Yes, OK.", "Yes, OK."),
    ("in-OR-untouched", "clients in OR", "clients in OR"),
    ("not-a-code", "Charlotte, ZZ", "Charlotte, ZZ"),
    ("shouting-untouched", "DO IT NOW", "DO IT NOW"),
)
def test_state_codes(text_in: str, text_out: str) -> None:
    assert state_codes(text_in) == text_out


@table(
    ("ampersand", "Suicide & Crisis", "Suicide and Crisis"),
    ("and-or", "you and/or me", "you and or me"),
    ("slash-between-words", "his/her", "his or her"),
    ("brackets-to-pauses", "rest (if you can) now", "rest, if you can, now"),
    ("markdown-left-over", "*really* `code` # title", " really   code    title"),
)
def test_symbols(text_in: str, text_out: str) -> None:
    assert symbols(text_in) == text_out


@table(
    ("collapse", "too   many  spaces", "too many spaces"),
    ("space-before-stop", "end .", "end."),
    ("double-comma", "a, , b", "a, b"),
    ("comma-before-stop", "a,.", "a."),
    ("leading-comma", ", Nothing here.,", "Nothing here."),
    ("trailing-comma", "a clause,", "a clause"),
    ("colon-kept", "might look like:", "might look like:"),
)
def test_spacing(text_in: str, text_out: str) -> None:
    assert spacing(text_in) == text_out


@pytest.mark.parametrize(
    ("table_", "text_in", "text_out"),
    [
        ({"Gottman": "GOT man"}, "The Gottman method", "The GOT man method"),
        ({"Gottman": "GOT man"}, "the gottman method", "the GOT man method"),
        ({"Gottman": "GOT man"}, "Gottmanesque", "Gottmanesque"),
        ({"EFT": "E F T", "EFT-C": "E F T see"}, "EFT-C and EFT", "E F T see and E F T"),
        ({"Nguyen’s": "Win's"}, "Dr. Nguyen's office", "Dr. Win's office"),
        ({}, "unchanged", "unchanged"),
    ],
    ids=["whole-word", "any-case", "not-inside-a-word", "longest-first", "curly-key", "empty"],
)
def test_pronunciations(table_: dict[str, str], text_in: str, text_out: str) -> None:
    assert pronunciations(text_in, table_) == text_out


@table(
    ("doctor-no-sentence-break", "Dr. Lee says that is normal.", "Doctor Lee says that is normal."),
    ("money-and-year", "It cost $500 in 2025.", "It cost five hundred dollars in twenty twenty-five."),
    ("crisis-line", "call or text 988, 24/7.", "call or text 9 8 8, twenty-four seven."),
    ("phone", "Call (704) 555-0123.", "Call 7 0 4, 5 5 5, 0 1 2 3."),
    ("email-and-web", "Write hello@example.com or visit https://www.example.com.",
     "Write hello at example dot com or visit example dot com."),
    ("date-and-time", "Join us Aug. 4, 2025 at 3:30 p.m.",
     "Join us August fourth, twenty twenty-five at three thirty P M."),
    ("hours", "Mon–Fri, 9 a.m.–5 p.m.", "Monday to Friday, nine A M to five P M."),
    ("percent-in-brackets", "1 in 5 adults (20%) agree.", "one in five adults, twenty percent, agree."),
    ("places", "Charlotte, NC and Carefree, AZ.", "Charlotte, North Carolina and Carefree, Arizona."),
    ("dash-and-quotes", "It didn’t sound “dysfunctional”—it sounded human…",
     "It didn't sound dysfunctional, it sounded human."),
    ("ordinals-and-ranges", "The 3rd visit lasts 45-50 minutes.",
     "The third visit lasts forty-five to fifty minutes."),
    ("emoji-gone", "You did it! 🎉", "You did it!"),
    ("markdown-gone", "a **bold** `word`", "a bold word"),
)
def test_normalise_chain(text_in: str, text_out: str) -> None:
    assert normalise(text_in) == text_out


def test_normalise_applies_the_pronunciation_table_before_the_other_steps() -> None:
    assert normalise("See Dr. Nguyen, LMFT.", {"Nguyen": "Win", "LMFT": "L M F T"}) == \
        "See Doctor Win, L M F T."


def test_every_step_is_a_plain_function_of_text() -> None:
    assert len(STEPS) == len(set(STEPS))
    sample = "Dr. Lee—call (704) 555-0123 or 988 by Aug. 4, 2025; $500 (50%) 🙂 at example.com"
    for step in STEPS:
        result = step(sample)
        assert isinstance(result, str) and result == step(sample), step.__name__
