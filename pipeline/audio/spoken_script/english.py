"""Normalising step, English: a sentence as written in English becomes the words the voice should say.

`STEPS` is a list of small pure `str -> str` functions applied in order; each is tested on its
own with input/output tables. The order matters: addresses are spoken before numbers would
split them; phone numbers, dates and money before plain numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.audio.spoken_script.pronunciation.abbreviations import capitals, places
from pipeline.audio.spoken_script.shared_steps import (
    STATE_NAMES,
    characters,
    dashes,
    emails,
    spacing,
    spoken_symbols,
    web_addresses,
)
from pipeline.audio.spoken_script.spoken_numbers import (
    dates,
    keep_final_stop,
    money,
    numbers,
    ordinals,
    percentages,
    phone_numbers,
    ranges,
    service_numbers,
    times,
    years,
)

LANGUAGE = "en"
_STATES = STATE_NAMES
# Two-letter codes that are also everyday words or abbreviations: only expanded after a city.
_AMBIGUOUS_CODES = {"IN", "OR", "ME", "HI", "OH", "OK", "ID", "MD", "PA", "DE", "LA", "CO", "MA",
                    "AL", "MS", "GA"}
_NOT_CITIES = {"Yes", "No", "So", "Well", "Oh", "Hi", "Okay", "Sure", "Fine", "Right", "Now",
               "Then", "And", "But", "Or", "Thanks", "Please"}
_WEEKDAY = r"(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"
_WEEKDAYS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
             "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
# (pattern, words): written abbreviations a voice misreads or takes for the end of a sentence.
_ABBREVIATIONS = (
    (r"(?<=\d)((?: [A-Z][a-z]+)+) Dr\.", r"\1 Drive"),  # "1200 Oak Dr."
    (r"\bDr\.", "Doctor"),
    (r"\bMrs\.", "Missus"),
    (r"\bMr\.", "Mister"),
    (r"\bMs\.", "Miz"),
    (r"\bProf\.(?=\s+[A-Z])", "Professor"),
    (r"\bJr\.", "Junior"),
    (r"\bSr\.", "Senior"),
    (r"\be\.\s?g\.", "for example"),
    (r"\bi\.\s?e\.", "that is"),
    (r"\betc\.", "et cetera"),
    (r"\bvs\.?(?=\s)", "versus"),
    (r"\bapprox\.", "approximately"),
    (r"\ba\.k\.a\.", "also known as"),
    (r"\bNo\.\s?(?=\d)|#(?=\d)", "number "),
    (r"\bPh\.\s?D\.|\bPhD\b", "P H D"),
    (r"\bU\.S\.A\.|\bU\.S\.", "U S"),
    (r"\bw/(?=\s)", "with"),
)


def abbreviations(text: str) -> str:
    """'Dr. Lee' -> 'Doctor Lee'; 'e.g.' -> 'for example'; 'Mon–Fri' -> 'Monday to Friday'."""
    for pattern, words in _ABBREVIATIONS:
        def expanded(m: re.Match[str], words: str = words) -> str:
            return keep_final_stop(m, m.expand(words))

        text = re.sub(pattern, expanded, text)
    return re.sub(
        rf"\b{_WEEKDAY}\.?\s?[-–]\s?{_WEEKDAY}\b\.?",
        lambda m: keep_final_stop(m, f"{_WEEKDAYS[m[1][:3].lower()]} to {_WEEKDAYS[m[2][:3].lower()]}"),
        text,
    )


def state_codes(text: str) -> str:
    """'Charlotte, NC 28202' -> 'Charlotte, North Carolina 2 8 2 0 2'; 'AZ, FL and VA' in full.

    Only where a code is a state code: after a city, in a list of codes, or after 'in'/'from'
    when the code is not also a word ('clients in OR' stays as it is).
    """

    def after_city(match: re.Match[str]) -> str:
        city, code, zip_code = match["city"], match["code"], match["zip"]
        if code not in _STATES or city.split()[-1] in _NOT_CITIES:
            return match[0]
        said = f"{city}, {_STATES[code]}"
        return said + (" " + " ".join(zip_code) if zip_code else "")

    def listed(match: re.Match[str]) -> str:
        codes = re.findall(r"[A-Z]{2}", match[0])
        if not all(code in _STATES for code in codes):
            return match[0]
        return re.sub(r"[A-Z]{2}", lambda m: _STATES[m[0]], match[0])

    text = re.sub(
        r"\b(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*), (?P<code>[A-Z]{2})\b(?:\s(?P<zip>\d{5})(?:-\d{4})?\b)?",
        after_city, text)
    text = re.sub(r"\b[A-Z]{2}(?:(?:,\s?(?:and\s|or\s)?|\s(?:and|or|&)\s|/)[A-Z]{2}\b)+\b", listed, text)
    return re.sub(
        r"\b(in|from|of|across|throughout) ([A-Z]{2})\b(?![\w'-])",
        lambda m: f"{m[1]} {_STATES[m[2]]}" if m[2] in _STATES and m[2] not in _AMBIGUOUS_CODES else m[0],
        text,
    )


# '&' -> 'and', 'and/or' -> 'and or', brackets -> pauses; Markdown symbols removed.
symbols = spoken_symbols("and", "or", "plus")


STEPS: tuple[Callable[[str], str], ...] = (
    characters, emails, web_addresses, places, abbreviations, dashes, state_codes, capitals, phone_numbers,
    service_numbers, dates, times, money, percentages, ranges, ordinals, years, numbers, symbols,
    spacing,
)
