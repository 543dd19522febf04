"""Sentence splitting by each language's rules (pysbd), with our two corrections."""

from __future__ import annotations

import pytest

from pipeline.language import is_one_sentence, split_sentences


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("One. Two? Three!", "en", ["One.", "Two?", "Three!"]),
    ("Dr. Lee said so. Then we left.", "en", ["Dr. Lee said so.", "Then we left."]),
    ("Wake at 3 a.m. Every night.", "en", ["Wake at 3 a.m.", "Every night."]),
    ("She said “too needy.” Then she cried.", "en", ["She said “too needy.”", "Then she cried."]),
    ("e.g. This stays together.", "en", ["e.g. This stays together."]),
    ("Visit www.example.com. Then call.", "en", ["Visit www.example.com.", "Then call."]),
    ("Write to hello@example.com today. Thanks.", "en", ["Write to hello@example.com today.", "Thanks."]),
    ("La Dra. López dice que sí. Bien.", "es", ["La Dra. López dice que sí.", "Bien."]),
    ("¿Qué es? Es esto.", "es", ["¿Qué es?", "Es esto."]),
    ("   ", "en", []),
], ids=["marks", "doctor", "a-m-in-prose", "quoted", "e-g", "web-address", "e-mail-address", "doctora",
        "spanish-question", "blank"])
def test_split_sentences(text: str, language: str, expected: list[str]) -> None:
    assert split_sentences(text, language) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Sleep, Stress and the 3 a.m. Wake-Up", True),
    ("Why Stress Wakes You Up", True),
    ("One thing. Another thing.", False),
], ids=["dotted-abbreviation", "plain-title", "two-sentences"])
def test_a_title_with_a_dotted_abbreviation_is_one_sentence(line: str, expected: bool) -> None:
    assert is_one_sentence(line) is expected
