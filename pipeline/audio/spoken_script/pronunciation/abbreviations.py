"""Normalising steps, abbreviations: spelled-out capitals and the abbreviations context decides.

Small pure `str -> str` steps, placed in `normalise.STEPS` and `spanish.STEPS`:

- `places`: "St. Patrick's Day" is Saint, "Elm St." is Street; "Dr. Rivera" is Doctor, "Main Dr."
  is Drive; "Mt." Mount; "Ste. 200" Suite. They run before the plain abbreviations.
- `capitals`: an all-capital word of two to six letters the lexicon does not hold is spelled letter
  by letter, "LCSW" -> "L C S W" (heard back right more often than "L-C-S-W", with which Piper
  runs letters together, or "LCSW", which it may say as a word). Mixed forms fall out of the
  order of the steps: "TF-CBT" and "DSM-5" reach this step as "TF CBT" and "DSM 5".
"""

from __future__ import annotations

import re

from pipeline.audio.spoken_script.pronunciation.common_words import is_emphasis
from pipeline.audio.spoken_script.spoken_numbers import keep_final_stop

_NAME = r"[A-Z][a-z]+(?:'s)?"
_FOLLOWED_BY_NAME = r"(?=\s+[A-Z][a-z])"
_ROMAN = re.compile(r"(?:I{2,3}|IV|VI{1,3}|IX|XI{0,3}|XV|XX)")
SHOUTING = 0.6  # a line this much in capitals is shouted text, not abbreviations: left as it is


def _said(words: str):
    return lambda match: keep_final_stop(match, words)


def _street_or_saint(text: str, abbreviation: str, street: str, saint: str) -> str:
    """`abbreviation` after a numbered or named street is `street`; before a name, `saint`."""
    escaped = re.escape(abbreviation)
    # "1200 Oak Dr.", "12 Elm St. Suite 4": after a house number and a name, always the street.
    text = re.sub(rf"(?<=\d)((?: {_NAME})+) {escaped}", lambda m: keep_final_stop(m, f"{m[1]} {street}"), text)
    # Before a name ("St. Patrick's Day", "Dr. Rivera"): the saint or the doctor.
    text = re.sub(rf"\b{escaped}{_FOLLOWED_BY_NAME}", saint, text)
    # After a name and before anything else ("Elm St.", "on Main Dr., past"): the street.
    text = re.sub(rf"\b({_NAME}) {escaped}", lambda m: keep_final_stop(m, f"{m[1]} {street}"), text)
    return text


def places(text: str) -> str:
    """'St. Patrick's Day' -> 'Saint Patrick's Day'; 'Elm St.' -> 'Elm Street'; 'Main Dr.' -> 'Main Drive'."""
    text = _street_or_saint(text, "St.", "Street", "Saint")
    text = _street_or_saint(text, "Dr.", "Drive", "Doctor")
    text = re.sub(r"\bMt\.(?=\s)", "Mount", text)
    text = re.sub(r"\bSte\.\s?(?=#|\d|[A-Z]\b)", "Suite ", text)
    text = re.sub(rf"\bSte\.{_FOLLOWED_BY_NAME}", "Sainte", text)
    return text


def spanish_places(text: str) -> str:
    """'Av. Juárez' -> 'avenida Juárez'; 'Sta. Ana' -> 'Santa Ana'; 'aprox.' -> 'aproximadamente'."""
    for pattern, words in ((r"\bAv(?:da)?\.", "avenida"), (r"\bSta\.(?=\s+[A-ZÁÉÍÓÚÑ])", "Santa"),
                           (r"\bSto\.(?=\s+[A-ZÁÉÍÓÚÑ])", "Santo"), (r"\bCol\.(?=\s+[A-ZÁÉÍÓÚÑ])", "colonia"),
                           (r"\baprox\.", "aproximadamente"), (r"\bpág\.", "página"), (r"\btel\.", "teléfono"),
                           (r"\bvs\.", "contra"), (r"\bLcda\.", "licenciada"), (r"\bLcdo\.", "licenciado")):
        text = re.sub(pattern, _said(words), text)
    return text


def _shouted(text: str) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", text)
    capitals = [word for word in words if word.isupper()]
    return len(capitals) >= 3 and len(capitals) >= SHOUTING * len(words)


def spelled(letters: str, language: str = "en") -> str:
    """'LCSW' -> 'L C S W'; in English 'GAD' -> 'G eh D' (an "A" with a letter after it is read
    as the article "a" otherwise: "G uh D")."""
    english = language.startswith("en")
    return " ".join("eh" if english and letter == "A" and index < len(letters) - 1 else letter
                    for index, letter in enumerate(letters))


def capitals(text: str, language: str = "en") -> str:
    """'an LCSW' -> 'an L C S W'; 'OCD's' -> 'O C D's'; 'CBT 2' -> 'C B T 2'.

    Everyday words in capitals ('text HELP to 988'), Roman numerals ('Part II') and shouted
    lines ('CALL US NOW') are left as they are."""
    if _shouted(text):
        return text

    def spell(match: re.Match[str]) -> str:
        word = match[1]
        if _ROMAN.fullmatch(word) or is_emphasis(word, language):
            return match[0]
        return spelled(word, language) + (match[2] or "")

    return re.sub(r"(?<![\w'-])([A-Z]{2,6})('s|s)?(?![\w'])", spell, text)
