"""Reading level an editor checks before publishing."""

from __future__ import annotations

import textstat

from pipeline.sources.article import Article, words

TARGET_GRADE = 8.0  # patient-education material: 6th to 8th US grade


def reading_grade(article: Article) -> float:
    """Flesch–Kincaid US grade level of the article body."""
    return round(float(textstat.flesch_kincaid_grade(words(article))), 1)
