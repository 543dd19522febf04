"""The profile's editorial tables: `[plain_language]` (the scorecard's thresholds and rules) and `[review]`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True)


RuleId = Literal["reading-level", "long-sentence", "passive-voice", "jargon", "undefined-abbreviation", "numbers",
                 "long-paragraph", "no-headings", "no-summary", "no-action", "no-direct-address"]


class PlainLanguageSettings(_Schema):
    """`[plain_language]`: the scorecard's thresholds, the rules turned off, the rules `--strict` fails on."""

    max_grade: float = Field(default=8.0, ge=1, le=20)
    """The highest US school grade an English article should read at (SMOG)."""
    min_spanish_score: float = Field(default=55.0, ge=0, le=100)
    """The lowest Szigriszt-Pazos score a Spanish article should reach (55: INFLESZ "normal")."""
    max_sentence_words: int = Field(default=20, ge=5, le=100)
    """A sentence longer than this is a `long-sentence` finding."""
    max_paragraph_words: int = Field(default=100, ge=20, le=1000)
    """A paragraph longer than this is a `long-paragraph` finding."""
    headings_after_words: int = Field(default=300, ge=50, le=10000)
    """A text longer than this needs headings and a summary."""
    off: tuple[RuleId, ...] = Field(default=(), strict=False)
    """Rules not to report."""
    strict: tuple[RuleId, ...] = Field(default=("reading-level",), strict=False)
    """Rules whose findings are warnings, so `check --strict` fails on them."""


class ReviewSettings(_Schema):
    """`[review]`: how often a clinician reviews each article, and how early `check` says one is due."""

    every_years: int = Field(default=3, ge=1, le=10)
    """How often each article is reviewed, in years, when it names no `next_review`."""
    warn_days: int = Field(default=30, ge=0, le=365)
    """How many days ahead `check` says a review is due."""
