"""Normalising step: a written sentence becomes the words the voice says, by its language's steps.

Each language keeps its own list of steps (`english.STEPS`, `spanish.STEPS`); this registry maps
a language to its list, so neither language's module needs the other. The lexicon (the shipped
clinical one and the practice's table on top) is applied first, to the words as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pipeline.audio.spoken_script import english, spanish
from pipeline.audio.spoken_script.pronunciation.lexicon import lexicon_for, unmark
from pipeline.audio.spoken_script.shared_steps import characters

STEPS_BY_LANGUAGE: dict[str, tuple[Callable[[str], str], ...]] = {
    english.LANGUAGE: english.STEPS,
    spanish.LANGUAGE: spanish.STEPS,
}


def steps(language: str = "en") -> tuple[Callable[[str], str], ...]:
    """The steps for text in `language` (English's for a language without its own)."""
    return STEPS_BY_LANGUAGE.get(language, english.STEPS)


def normalise(text: str, table: Mapping[str, str] | None = None, language: str = "en") -> str:
    """The words to say for one written sentence: the language's lexicon with the practice's
    table on top first (each entry said exactly as written), then the language's steps."""
    text, held = lexicon_for(language, table).mark(characters(text))
    for step in steps(language)[1:]:
        text = step(text)
    return unmark(text, held)
