"""What the scorecard reports: a finding per problem, under a fixed rule ID, and what a person must judge."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.sources import RuleId

RULES: dict[RuleId, str] = {
    "reading-level": "reading grade above [plain_language] max_grade (Spanish: below min_spanish_score)",
    "long-sentence": "a sentence over [plain_language] max_sentence_words",
    "passive-voice": "a passive construction where an active one would name who acts",
    "jargon": "a clinical or formal word with a plain alternative, not explained in its sentence",
    "undefined-abbreviation": "an abbreviation used before, or without, its spelled-out form",
    "numbers": "a percentage, fraction, decimal or range where words or a whole number would be clearer",
    "long-paragraph": "a paragraph over [plain_language] max_paragraph_words",
    "no-headings": "a text over [plain_language] headings_after_words with no headings",
    "no-summary": "a text over headings_after_words with no summary section",
    "no-action": "nothing tells the reader what to do: no steps, no call to action",
    "no-direct-address": "the text never speaks to the reader as \"you\"",
}

# PEMAT-P items a program cannot judge: listed for a person, never guessed.
FOR_A_PERSON = (
    "PEMAT-P 1: the material makes its purpose completely evident",
    "PEMAT-P 2: it holds nothing that distracts from its purpose",
    "PEMAT-P 7: it does not expect the reader to do calculations",
    "PEMAT-P 10: it presents information in a logical order",
    "PEMAT-P 12: visual cues (bold, boxes, bullets) draw attention to key points",
    "PEMAT-P 15-19: pictures and tables are apt, clear, captioned and uncluttered",
    "PEMAT-P 23: it gives a tangible tool (a checklist, a plan) to help the reader act",
    "PEMAT-P 24-26: instructions for any calculation, chart or visual aid the reader must use",
)


@dataclass(frozen=True)
class Finding:
    """One problem: its rule, the line in the article's file (None: the whole text), the words found, advice."""

    rule: RuleId
    line: int | None
    text: str
    advice: str

    def as_json(self) -> dict[str, object]:
        return {"rule": self.rule, "line": self.line, "text": self.text, "advice": self.advice}


def quoted(text: str, most_words: int = 12) -> str:
    """The first words of a sentence or paragraph, as a finding shows them."""
    words = text.split()
    return " ".join(words[:most_words]) + ("…" if len(words) > most_words else "")
