"""Pronouncing step, the lexicon: words said the way therapists and clients say them.

A lexicon maps a written word to how the voice should say it: a respelling ("EMDR" -> "E-M-D-R")
or espeak-ng phonemes in Piper's `[[ … ]]` notation, passed straight to the voice. The shipped
clinical lexicon (`lexicon/<language>.toml`) comes first; the practice's `[pronunciations]`
(and the PLS file it names) override and extend it.

Entries are replaced by placeholders before the other normalising steps run and put back after
them, so a respelling or phonemes reach the voice exactly as written (no step spells "GOT" in
"GOT man" letter by letter, or takes the brackets out of phonemes).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

PHONEMES = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
_PAUSE_AFTER_PHONEMES = re.compile(r"(\[\[.*?)\]\]([,;:.!?])", re.DOTALL)
HOLDER = re.compile(r"[Qq]qlex([a-p]+)qq")


def matches_capitals_only(word: str) -> bool:
    """An entry written in capitals ('ACT', 'SAD') is an abbreviation: it never matches 'act' or 'sad'."""
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _holder(index: int) -> str:
    digits = ""
    while True:
        index, rest = divmod(index, 16)
        digits = "abcdefghijklmnop"[rest] + digits
        if not index:
            return f"qqlex{digits}qq"


def _index(digits: str) -> int:
    number = 0
    for digit in digits:
        number = number * 16 + "abcdefghijklmnop".index(digit)
    return number


@dataclass(frozen=True)
class Lexicon:
    """Written word -> how to say it. Later tables given to `extended` win over earlier ones."""

    entries: Mapping[str, str] = field(default_factory=dict)

    def extended(self, table: Mapping[str, str]) -> Lexicon:
        """This lexicon with `table` on top: its entries override ours, whatever their case, and
        so do ours that hold one of its words ("Gottman" in the table replaces "Gottman Method")."""
        if not table:
            return self
        overridden = re.compile("|".join(rf"(?<!\w){re.escape(key)}(?!\w)" for key in table), re.IGNORECASE)
        kept = {word: said for word, said in self.entries.items() if not overridden.search(word)}
        return Lexicon({**kept, **table})

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.said(word) is not None

    def said(self, word: str) -> str | None:
        """How `word` is said, or None when the lexicon does not have it."""
        return _matcher(tuple(self.entries.items()))[1](word)

    def mark(self, text: str) -> tuple[str, tuple[str, ...]]:
        """`text` with each entry replaced by a placeholder, and what each placeholder says."""
        if not self.entries:
            return text, ()
        pattern, said_for = _matcher(tuple(self.entries.items()))
        held: list[str] = []

        def hold(match: re.Match[str]) -> str:
            held.append(said_for(match[0]) or match[0])
            holder = _holder(len(held) - 1)  # capitalised like the word, for the steps that look
            return holder.capitalize() if match[0][:1].isupper() else holder

        return pattern.sub(hold, text), tuple(held)

    def used(self, text: str) -> tuple[tuple[str, str], ...]:
        """The entries `text` uses, as (word, said) pairs in order of first use."""
        if not self.entries:
            return ()
        pattern, said_for = _matcher(tuple(self.entries.items()))
        found: dict[str, str] = {}
        for match in pattern.finditer(text):
            found.setdefault(match[0], said_for(match[0]) or match[0])
        return tuple(found.items())


def unmark(text: str, held: tuple[str, ...]) -> str:
    """The placeholders `Lexicon.mark` left, put back as what they say."""
    if not held:
        return text
    text = HOLDER.sub(lambda m: held[_index(m[1])] if _index(m[1]) < len(held) else "", text)
    # Piper takes the pause of a comma or full stop from the phonemes before it; after a [[ … ]]
    # block it would never see it ("ADHD, OCD" ran together), so the mark goes inside the block.
    return _PAUSE_AFTER_PHONEMES.sub(r"\1\2]]", text)


@cache
def _matcher(entries: tuple[tuple[str, str], ...]):
    exact = {word: said for word, said in entries if matches_capitals_only(word)}
    folded = {word.lower(): said for word, said in entries if not matches_capitals_only(word)}
    words = sorted((word for word, _ in entries), key=len, reverse=True)
    alternatives = [re.escape(word) if word in exact else f"(?i:{re.escape(word)})" for word in words]
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")

    def said_for(word: str) -> str | None:
        return exact.get(word, folded.get(word.lower()))

    return pattern, said_for


@cache
def shipped_lexicon(language: str) -> Lexicon:
    """The clinical lexicon shipped for `language` (empty for a language without one)."""
    path = files("pipeline.audio.spoken_script.pronunciation") / "lexicon" / f"{language}.toml"
    if not path.is_file():
        return Lexicon()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries: dict[str, str] = {}
    for group in data.values():  # [methods], [credentials], [conditions], …
        entries.update(group)
    return Lexicon(entries)


@cache
def _lexicon_for(language: str, table: tuple[tuple[str, str], ...]) -> Lexicon:
    return shipped_lexicon(language).extended(dict(table))


def lexicon_for(language: str, table: Mapping[str, str] | None = None) -> Lexicon:
    """The shipped lexicon for `language` with the practice's table on top."""
    return _lexicon_for(language, tuple(sorted((table or {}).items())))
