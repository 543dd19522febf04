"""Scoring: an article's reading level, its findings in reading order, and its PEMAT-P shares, as one scorecard."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from pipeline.article import Article
from pipeline.plain_language.document_rules import long_paragraphs, reading_level, structure
from pipeline.plain_language.findings import FOR_A_PERSON, Finding
from pipeline.plain_language.measures import Measures, measure
from pipeline.plain_language.passages import Passage, passages, prose
from pipeline.plain_language.pemat import Share, pemat_shares
from pipeline.plain_language.sentence_rules import (
    jargon,
    long_sentences,
    numbers,
    passive_voice,
    undefined_abbreviations,
)
from pipeline.sources import PlainLanguageSettings

HARDEST = 3  # paragraphs named in the reading-level advice
_GRADING = threading.Lock()


@dataclass(frozen=True)
class Scorecard:
    """What `check` reports on one article's language."""

    measures: Measures
    findings: tuple[Finding, ...]
    understandability: Share
    actionability: Share
    for_a_person: tuple[str, ...] = FOR_A_PERSON

    def as_json(self) -> dict[str, object]:
        measures = self.measures
        return {
            "language": measures.language,
            "smog": measures.smog,
            "smog_note": measures.smog_note,
            "grade": measures.grade,
            "szigriszt_pazos": measures.szigriszt_pazos,
            "inflesz": measures.inflesz,
            "fernandez_huerta": measures.fernandez_huerta,
            "words": measures.words,
            "sentences": measures.sentences,
            "average_sentence_words": measures.average_sentence_words,
            "findings": [finding.as_json() for finding in self.findings],
            "pemat": {"understandability": self.understandability.as_json(),
                      "actionability": self.actionability.as_json()},
            "for_a_person": list(self.for_a_person),
        }


def scorecard(article: Article, settings: PlainLanguageSettings) -> Scorecard:
    """Score one article by every rule, then drop the rules the profile turns off."""
    found = passages(article)
    measures = measure(article, found)
    language = article.language
    findings = [
        *reading_level(measures, found, settings, hardest_paragraphs(found, language)),
        *long_sentences(found, settings, language),
        *passive_voice(found, language),
        *jargon(found, language),
        *undefined_abbreviations(found, language),
        *numbers(found, language),
        *long_paragraphs(found, settings),
        *structure(found, measures, settings, language),
    ]
    understandability, actionability = pemat_shares(findings, found, measures, settings)
    kept = sorted((finding for finding in findings if finding.rule not in settings.off),
                  key=lambda finding: (finding.line is None, finding.line or 0))
    return Scorecard(measures, tuple(kept), understandability, actionability)


def hardest_paragraphs(found: tuple[Passage, ...], language: str) -> list[Passage]:
    """The paragraphs of 30 words or more that read hardest, in reading order."""
    from textstat.textstat import textstatistics

    statistics = textstatistics()
    statistics.set_lang("es" if language == "es" else "en_US")
    scored = []
    with _GRADING:
        for passage in prose(found):
            if passage.words >= 30:
                hardness = (-statistics.szigriszt_pazos(passage.text) if language == "es"
                            else statistics.flesch_kincaid_grade(passage.text))
                scored.append((hardness, passage))
    hardest = sorted(scored, key=lambda pair: -pair[0])[:HARDEST]
    return sorted((passage for _, passage in hardest), key=lambda passage: passage.line or 0)
