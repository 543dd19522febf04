"""How common a word is in a language, from pyspellchecker's word frequency lists (shipped in its wheel).

Two uses: a word in capitals that is also an everyday word ("text HELP to 988", "AYUDA") is
emphasis, not an abbreviation to spell; and `check` passes over everyday words, which
espeak-ng's spelling rules say right, and lists the rare ones no dictionary holds.
"""

from __future__ import annotations

from functools import cache

EMPHASIS = 10_000  # occurrences in the list's corpus: "help", "stop", "now", "sad"; not "ifs", "gad"
EVERYDAY = 50  # rarer words ("codependency" 79, "mislabeling" 50) are still ordinary English


@cache
def _frequencies(language: str) -> dict[str, int]:
    from spellchecker import SpellChecker

    try:
        return dict(SpellChecker(language=language, case_sensitive=False).word_frequency.dictionary)
    except ValueError:  # no list for this language
        return {}


def frequency(word: str, language: str = "en") -> int:
    """How often `word` (any case) occurs in the language's list; 0 when it is not there."""
    return _frequencies(language).get(word.lower(), 0)


def is_emphasis(word: str, language: str = "en") -> bool:
    """'HELP' and 'AYUDA' are everyday words written in capitals, said as words."""
    return frequency(word, language) >= EMPHASIS


def is_everyday(word: str, language: str = "en") -> bool:
    """A word common enough that the voice's spelling rules are made for it."""
    return frequency(word, language) >= EVERYDAY
