"""Plain-language step two: reading level — SMOG by its own sampling rules, Flesch–Kincaid, Spanish scales.

SMOG (McLaughlin 1969), the measure health-literacy work uses, is normed on 30 sentences: ten in a
row from the start, ten from the middle and ten from the end. Its grade is 3.1291 + 1.0430 × √(words
of three or more syllables in those 30). Under 30 sentences there is no sample, and the scorecard
says so instead of extrapolating. Syllables are counted by textstat (Pyphen's dictionaries).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from pipeline.article import Article
from pipeline.plain_language.passages import Passage, passages, prose
from pipeline.plain_language.readability import reading_grade

if TYPE_CHECKING:
    from textstat.textstat import textstatistics

SMOG_SENTENCES = 30
SMOG_RUN = 10
_MEASURING = threading.Lock()  # textstat keeps state on its instance

# INFLESZ (Barrio-Cantalejo et al. 2008): bands of the Szigriszt-Pazos score for Spanish health texts.
INFLESZ = ((40.0, "muy difícil"), (55.0, "algo difícil"), (65.0, "normal"), (80.0, "bastante fácil"),
           (math.inf, "muy fácil"))


@dataclass(frozen=True)
class Measures:
    """An article's counts and reading level; a measure that does not apply to its language is None."""

    language: str
    words: int
    sentences: int
    smog: float | None  # None: under 30 sentences, or not English
    smog_note: str | None  # why there is no SMOG grade
    grade: float | None  # Flesch–Kincaid US grade (English)
    szigriszt_pazos: float | None  # Spanish, 0 to 100, higher is easier
    inflesz: str | None  # its INFLESZ band, "normal" or easier is the aim
    fernandez_huerta: float | None  # Spanish, 0 to 100, higher is easier

    @property
    def average_sentence_words(self) -> float:
        return round(self.words / self.sentences, 1) if self.sentences else 0.0


@cache
def _statistics(language: str) -> textstatistics:
    from textstat.textstat import textstatistics

    statistics = textstatistics()
    statistics.set_lang("es" if language == "es" else "en_US")
    return statistics


def smog_sample(sentences: list[str]) -> list[str] | None:
    """The 30 sentences SMOG counts: 10 from the start, 10 from the middle, 10 from the end; None if too few."""
    if len(sentences) < SMOG_SENTENCES:
        return None
    middle = len(sentences) // 2 - SMOG_RUN // 2
    return sentences[:SMOG_RUN] + sentences[middle:middle + SMOG_RUN] + sentences[-SMOG_RUN:]


def smog_grade(sample: list[str]) -> float:
    """SMOG grade of a 30-sentence sample."""
    with _MEASURING:
        statistics = _statistics("en")
        polysyllables = sum(statistics.polysyllabcount(sentence) for sentence in sample)
    return round(3.1291 + 1.0430 * math.sqrt(polysyllables * SMOG_SENTENCES / len(sample)), 1)


def inflesz_band(score: float) -> str:
    return next(name for ceiling, name in INFLESZ if score < ceiling)


def measure(article: Article, found: tuple[Passage, ...]) -> Measures:
    """Counts and reading level of the article's prose (headings are not sentences)."""
    body = prose(found)
    sentences = [sentence for passage in body for sentence in passage.sentences]
    words = sum(passage.words for passage in body)
    if article.language == "es":
        text = "\n".join(passage.text for passage in found)
        score = reading_grade(article)  # Szigriszt-Pazos, as pages and the build table show it
        with _MEASURING:
            huerta = round(float(_statistics("es").fernandez_huerta(text)), 1)
        return Measures("es", words, len(sentences), None, "SMOG is normed on English; see Szigriszt-Pazos",
                        None, score, inflesz_band(score), huerta)
    sample = smog_sample(sentences)
    note = None if sample else (f"too short to score: {len(sentences)} sentences; SMOG needs "
                                f"{SMOG_SENTENCES}")
    return Measures(article.language, words, len(sentences), smog_grade(sample) if sample else None, note,
                    reading_grade(article), None, None, None)


def article_measures(article: Article) -> Measures:
    """The article's counts and reading level, as its scorecard and the build's table give them."""
    return measure(article, passages(article))
