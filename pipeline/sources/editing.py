"""The profile's editorial tables: `[plain_language]` (the scorecard's thresholds and rules) and `[review]`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


RuleId = Literal["reading-level", "long-sentence", "passive-voice", "jargon", "undefined-abbreviation", "numbers",
                 "long-paragraph", "no-headings", "no-summary", "no-action", "no-direct-address"]


class PlainLanguageSettings(_Schema):
    """`[plain_language]`: the scorecard's thresholds, the rules turned off, the rules `--strict` fails on."""

    max_grade: float = Field(default=8.0, ge=1, le=20)  # US grade, SMOG and Flesch–Kincaid
    min_spanish_score: float = Field(default=55.0, ge=0, le=100)  # Szigriszt-Pazos, INFLESZ "normal"
    max_sentence_words: int = Field(default=20, ge=5, le=100)
    max_paragraph_words: int = Field(default=100, ge=20, le=1000)
    headings_after_words: int = Field(default=300, ge=50, le=10000)  # longer texts need headings and a summary
    off: tuple[RuleId, ...] = Field(default=(), strict=False)
    strict: tuple[RuleId, ...] = Field(default=("reading-level",), strict=False)


class ReviewSettings(_Schema):
    """`[review]`: how often a clinician reviews each article, and how early `check` says one is due."""

    every_years: int = Field(default=3, ge=1, le=10)
    warn_days: int = Field(default=30, ge=0, le=365)
