"""Normalising step: a sentence as written becomes the words the voice should say.

`STEPS` is a list of small pure `str -> str` functions applied in order; each is tested on its
own with input/output tables. The order matters: addresses are spoken before numbers would
split them; phone numbers, dates and money before plain numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

import us

from pipeline.audio.pronunciation.abbreviations import capitals, places
from pipeline.audio.pronunciation.lexicon import lexicon_for, unmark
from pipeline.audio.spoken_numbers import (
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
from pipeline.sources import translations

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"'})
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "So", "Sk", "Me"}  # controls, emoji, marks
_SAID_SYMBOLS = {"°": " degrees", "\u00a0": " ", "\t": " ", "\n": " ", "\r": " "}

_STATES = {state.abbr: state.name for state in (*us.states.STATES, us.states.DC, us.states.PR)}
STATE_NAMES = _STATES
# Two-letter codes that are also everyday words or abbreviations: only expanded after a city.
_AMBIGUOUS_CODES = {"IN", "OR", "ME", "HI", "OH", "OK", "ID", "MD", "PA", "DE", "LA", "CO", "MA",
                    "AL", "MS", "GA"}
_NOT_CITIES = {"Yes", "No", "So", "Well", "Oh", "Hi", "Okay", "Sure", "Fine", "Right", "Now",
               "Then", "And", "But", "Or", "Thanks", "Please"}
_WEEKDAY = r"(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"
_WEEKDAYS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
             "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
_TOP_LEVEL_DOMAINS = "com|org|net|gov|edu|us|io|info|health|co|me|app|care|life|biz|online"

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


def printable(text: str) -> str:
    """Emoji, zero-width and control characters removed; everything a reader sees is kept."""
    return "".join(char for char in text if unicodedata.category(char) not in _DROPPED_CATEGORIES
                   and char not in "\ufe0e\ufe0f").strip()


def characters(text: str) -> str:
    """Curly quotes straightened, double quotes, emoji, zero-width and control characters removed."""
    text = unicodedata.normalize("NFKC", text.translate(_QUOTES))
    for symbol, words in _SAID_SYMBOLS.items():
        text = text.replace(symbol, words)
    return printable(text).replace('"', "")


def _address_word(name: str, language: str) -> str:
    """How a symbol in a web or e-mail address is said: 'at', 'dot'; 'arroba', 'punto' in Spanish."""
    catalog = translations(language)
    said = {
        "at": catalog.pgettext("spoken web or e-mail address", "at"),
        "dot": catalog.pgettext("spoken web or e-mail address", "dot"),
        "dash": catalog.pgettext("spoken web or e-mail address", "dash"),
        "underscore": catalog.pgettext("spoken web or e-mail address", "underscore"),
        "plus": catalog.pgettext("spoken web or e-mail address", "plus"),
        "slash": catalog.pgettext("spoken web or e-mail address", "slash"),
    }
    return said[name]


def _spoken_address_part(part: str, language: str = "en") -> str:
    said = {symbol: f" {_address_word(name, language)} " for symbol, name in
            ((".", "dot"), ("-", "dash"), ("_", "underscore"))}
    return "".join(said.get(char, char) for char in part)


def emails(text: str, language: str = "en") -> str:
    """'hello@example.com' -> 'hello at example dot com' ('hello arroba example punto com')."""
    at, plus = _address_word("at", language), _address_word("plus", language)
    return re.sub(
        r"(?<![\w.+-])([\w.+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)",
        lambda m: f"{_spoken_address_part(m[1], language).replace('+', f' {plus} ')} {at} "
                  f"{_spoken_address_part(m[2].lower(), language)}",
        text,
    )


def _spoken_url(url: str, language: str = "en") -> str:
    address = re.sub(r"[?#].*$", "", re.sub(r"^https?://", "", url, flags=re.IGNORECASE))
    host, _, path = address.partition("/")
    said = _spoken_address_part(re.sub(r":\d+$", "", host).lower().removeprefix("www."), language)
    parts = [part for part in path.split("/") if part]
    # A short, wordy path is worth saying ("slash contact"); a long or coded one is not, so the
    # listener hears the site's name and finds the page from there.
    if len(parts) <= 2 and all(re.fullmatch(r"[A-Za-z]+(?:[-_][A-Za-z]+)*", p) and len(p) <= 24
                               for p in parts):
        slash = _address_word("slash", language)
        said += "".join(f" {slash} {_spoken_address_part(part, language)}" for part in parts)
    return said


def web_addresses(text: str, language: str = "en") -> str:
    """'https://www.example.com/contact/' -> 'example dot com slash contact'."""

    def spoken(match: re.Match[str]) -> str:
        url = match[0]
        trailing = re.search(r"[.,;:!?)']*$", url)[0]
        return _spoken_url(url[: len(url) - len(trailing)], language) + trailing

    with_scheme = r"\bhttps?://[^\s<>\"]+"
    bare = rf"(?<![\w@.-])(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:{_TOP_LEVEL_DOMAINS})\b(?:/[^\s<>\"]*)?"
    return re.sub(f"{with_scheme}|{bare}", spoken, text, flags=re.IGNORECASE)


def abbreviations(text: str) -> str:
    """'Dr. Lee' -> 'Doctor Lee'; 'e.g.' -> 'for example'; 'Mon–Fri' -> 'Monday to Friday'."""
    for pattern, words in _ABBREVIATIONS:
        text = re.sub(pattern, lambda m, words=words: keep_final_stop(m, m.expand(words)), text)
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


def dashes(text: str, language: str = "en") -> str:
    """Dashes become the pause they mark; 'Monday–Friday' -> 'Monday to Friday'; '...' a pause too.

    A voice reads an em dash, an ellipsis or a hyphenated phrase without any pause
    ('dysfunctional—it sounded' runs together), so they become commas and spaces.
    """
    to = translations(language).pgettext("a range, as in Monday to Friday", "to")
    text = re.sub(r"(?<=[\w.])–(?=\w)", f" {to} ", text)
    text = re.sub(r"\s*(?:—|–|--+|\s-\s)\s*", ", ", text)
    text = re.sub(r"\s*(?:\.\s?){3,}\s*$", ".", text)
    text = re.sub(r"\s*(?:\.\s?){3,}\s*", ", ", text)
    return re.sub(r"(?<=[^\W\d_])-(?=\w)|(?<=\d)-(?=[^\W\d_])", " ", text)


def spoken_symbols(and_word: str, or_word: str, plus_word: str) -> Callable[[str], str]:
    """The symbols step in one language: '&', 'and/or', '/', '+' in its words; brackets become pauses."""

    def symbols(text: str) -> str:
        text = re.sub(r"\s*&\s*", f" {and_word} ", text)
        text = re.sub(rf"\b{and_word}/{or_word}\b", f"{and_word} {or_word}", text)
        text = re.sub(r"(?<=[^\W\d_])/(?=[^\W\d_])", f" {or_word} ", text)
        text = re.sub(r"(?<=\s)\+(?=\s)|(?<=\w)\+(?=\w)", f" {plus_word} ", text)
        text = re.sub(r"\s*\(\s*", ", ", text)
        text = re.sub(r"\s*\)\s*", ", ", text)
        return re.sub(r"[*_#`|<>\[\]{}\\~^=@]", " ", text)

    return symbols


# '&' -> 'and', 'and/or' -> 'and or', brackets -> pauses; Markdown symbols removed.
symbols = spoken_symbols("and", "or", "plus")


def spacing(text: str) -> str:
    """One space between words, none before punctuation, no stray commas left by earlier steps."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",(?:\s*,)+", ",", text)
    text = re.sub(r"[,;:]+(?=[.!?])", "", text)
    text = re.sub(r"([.!?]),", r"\1", text)
    return re.sub(r"^[\s,;:]+|[\s,;]+$", "", text)


STEPS: tuple[Callable[[str], str], ...] = (
    characters, emails, web_addresses, places, abbreviations, dashes, state_codes, capitals, phone_numbers,
    service_numbers, dates, times, money, percentages, ranges, ordinals, years, numbers, symbols,
    spacing,
)


def pronunciations(text: str, table: Mapping[str, str]) -> str:
    """The profile's table applied to whole words, any case: {'Gottman': 'GOT-man'}."""
    if not table:
        return text
    spoken = {characters(word).lower(): said for word, said in table.items()}
    pattern = "|".join(re.escape(word) for word in sorted(spoken, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", lambda m: spoken[m[0].lower()], text,
                  flags=re.IGNORECASE)


def steps(language: str = "en") -> tuple[Callable[[str], str], ...]:
    """The steps for text in `language`: these for English, `spanish.STEPS` for Spanish."""
    from pipeline.audio import spanish

    return {"en": STEPS, spanish.LANGUAGE: spanish.STEPS}.get(language, STEPS)


def normalise(text: str, table: Mapping[str, str] | None = None, language: str = "en") -> str:
    """The words to say for one written sentence: the language's lexicon with the practice's
    table on top first (each entry said exactly as written), then the language's steps."""
    text, held = lexicon_for(language, table).mark(characters(text))
    for step in steps(language)[1:]:
        text = step(text)
    return unmark(text, held)
