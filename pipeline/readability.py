"""Reading level and length estimates an editor checks before publishing."""

from __future__ import annotations

import textstat

from pipeline.article import Article, words

WORDS_PER_MINUTE = 150  # an unhurried narration pace
TARGET_GRADE = 8.0  # patient-education material: 6th to 8th US grade


def reading_grade(article: Article) -> float:
    """Flesch–Kincaid US grade level of the article body."""
    return round(float(textstat.flesch_kincaid_grade(words(article))), 1)


def word_count(article: Article) -> int:
    return len(words(article).split())


def estimated_listening_minutes(article: Article) -> float:
    return round(word_count(article) / WORDS_PER_MINUTE, 1)
