"""Plain-language stage: how readable an article is for clients with basic health literacy, and the
scorecard — reading level, findings by rule, PEMAT-P shares — `check` reports for each article."""

from pipeline.plain_language.findings import FOR_A_PERSON, RULES, Finding
from pipeline.plain_language.measures import Measures, article_measures
from pipeline.plain_language.readability import TARGET_GRADE, ReadingScale, reading_grade, reading_scale
from pipeline.plain_language.scoring import Scorecard, scorecard

__all__ = ["FOR_A_PERSON", "Finding", "Measures", "RULES", "ReadingScale", "Scorecard", "TARGET_GRADE",
           "article_measures", "reading_grade", "reading_scale", "scorecard"]
