"""Plain-language stage: the scorecard — reading level, findings by rule, PEMAT-P shares — for each article."""

from pipeline.plain_language.findings import FOR_A_PERSON, RULES, Finding
from pipeline.plain_language.measures import Measures
from pipeline.plain_language.scorecard import Scorecard, scorecard

__all__ = ["FOR_A_PERSON", "Finding", "Measures", "RULES", "Scorecard", "scorecard"]
