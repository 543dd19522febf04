"""Normalising step, the pieces every language uses: characters, addresses, dashes, symbols, spacing.

Each is a small pure `str -> str` function (or makes one for a language's words), tested on its
own with input/output tables; each language's list of steps (`english`, `spanish`) uses them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

import us

from pipeline.language import translations

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"'})
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "So", "Sk", "Me"}  # controls, emoji, marks
_SAID_SYMBOLS = {"°": " degrees", "\u00a0": " ", "\t": " ", "\n": " ", "\r": " "}

# US state and territory codes, as the `us` package names them: 'NC' -> 'North Carolina'.
STATE_NAMES = {state.abbr: state.name for state in (*us.states.STATES, us.states.DC, us.states.PR)}
_TOP_LEVEL_DOMAINS = "com|org|net|gov|edu|us|io|info|health|co|me|app|care|life|biz|online"

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
        trailing = url[len(url.rstrip(".,;:!?)'")):]
        return _spoken_url(url[: len(url) - len(trailing)], language) + trailing

    with_scheme = r"\bhttps?://[^\s<>\"]+"
    bare = rf"(?<![\w@.-])(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:{_TOP_LEVEL_DOMAINS})\b(?:/[^\s<>\"]*)?"
    return re.sub(f"{with_scheme}|{bare}", spoken, text, flags=re.IGNORECASE)


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


def spacing(text: str) -> str:
    """One space between words, none before punctuation, no stray commas left by earlier steps."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",(?:\s*,)+", ",", text)
    text = re.sub(r"[,;:]+(?=[.!?])", "", text)
    text = re.sub(r"([.!?]),", r"\1", text)
    return re.sub(r"^[\s,;:]+|[\s,;]+$", "", text)


def pronunciations(text: str, table: Mapping[str, str]) -> str:
    """The profile's table applied to whole words, any case: {'Gottman': 'GOT-man'}."""
    if not table:
        return text
    spoken = {characters(word).lower(): said for word, said in table.items()}
    pattern = "|".join(re.escape(word) for word in sorted(spoken, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", lambda m: spoken[m[0].lower()], text,
                  flags=re.IGNORECASE)
