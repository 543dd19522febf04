"""Reading level an editor checks before publishing, by the formula made for the article's language.

English: Flesch–Kincaid US grade, at most 8 (NIH, AMA and CDC aim patient material at grades 6 to 8).
Spanish: the Szigriszt-Pazos perspicuity score, read on the INFLESZ scale made for Spanish health
texts: 0 to 100, higher is easier, and 55 or more ("normal" or easier) is the aim for patients.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from pipeline.article import Article, body_text
from pipeline.language import N_

if TYPE_CHECKING:
    from textstat.textstat import textstatistics

TARGET_GRADE = 8.0  # patient-education material: 6th to 8th US grade
_MEASURING = threading.Lock()  # textstat keeps its language on the instance; one text at a time


@dataclass(frozen=True)
class ReadingScale:
    """How one language's reading level is measured and what it should be for patients."""

    name: str  # "Flesch–Kincaid grade" / "Szigriszt-Pazos"
    formula: str  # textstat's method; textstat (~0.5 s to import) loads only when a level is measured
    target: float
    higher_is_easier: bool
    shown: str  # how pages show a value, translated: "US grade {value}"
    textstat_language: str  # textstat's name for it; plain "en" gives its English formulas nothing to count

    def too_hard(self, value: float) -> bool:
        return value < self.target if self.higher_is_easier else value > self.target

    def label(self, value: float) -> str:
        """"Flesch–Kincaid grade 7.2" or "Szigriszt-Pazos 68.0", as `check` prints it."""
        return f"{self.name} {value:.1f}"


SCALES = {
    "en": ReadingScale("Flesch–Kincaid grade", "flesch_kincaid_grade", TARGET_GRADE, higher_is_easier=False,
                       shown=N_("US grade {value}"), textstat_language="en_US"),
    "es": ReadingScale("Szigriszt-Pazos", "szigriszt_pazos", 55.0, higher_is_easier=True,
                       shown=N_("{value} of 100 on the Szigriszt-Pazos (INFLESZ) scale; 55 or more is easy enough"),
                       textstat_language="es"),
}


def reading_scale(language: str) -> ReadingScale:
    return SCALES.get(language, SCALES["en"])


@cache
def _statistics(language: str) -> textstatistics:
    from textstat.textstat import textstatistics

    statistics = textstatistics()
    statistics.set_lang(reading_scale(language).textstat_language)
    return statistics


def reading_grade(article: Article) -> float:
    """The article body's reading level on its language's scale (`reading_scale`)."""
    with _MEASURING:
        statistics = _statistics(article.language)
        measure: Callable[[str], float] = getattr(statistics, reading_scale(article.language).formula)
        return round(float(measure(body_text(article))), 1)
