"""The scorecard step of an article's build: its reading level and number of findings, for the summary."""

from __future__ import annotations

from typing import Any

from pipeline.article import Article
from pipeline.plain_language import Scorecard, scorecard
from pipeline.rebuild import scorecard_key
from pipeline.sources import Practice


def reading_facts(article: Article, practice: Practice, facts: dict[str, Any]) -> dict[str, Any]:
    """The build summary's reading level and count of findings, scored again only when the article's
    words or the `[plain_language]` settings change (kept in the manifest's facts)."""
    key = scorecard_key(article, practice)
    kept = facts.get("plain_language")
    if isinstance(kept, dict) and kept.get("key") == key and "value" in kept:
        return kept
    card = scorecard(article, practice.plain_language)
    measures = card.measures
    value = measures.szigriszt_pazos if measures.language == "es" else measures.smog  # the staff page shows it
    kept = facts["plain_language"] = {"key": key, "level": reading_level_label(card), "findings": len(card.findings),
                                      "value": value}
    return kept


def reading_level_label(card: Scorecard) -> str:
    """'SMOG 11.5', 'Szigriszt-Pazos 62.1' (Spanish), or 'too short' when neither applies."""
    measures = card.measures
    if measures.language == "es" and measures.szigriszt_pazos is not None:
        return f"Szigriszt-Pazos {measures.szigriszt_pazos:.1f}"
    return f"SMOG {measures.smog:.1f}" if measures.smog is not None else "too short"
