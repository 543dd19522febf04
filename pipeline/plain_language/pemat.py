"""PEMAT-P shares: the understandability and actionability items a program can score, and which they were.

AHRQ's Patient Education Materials Assessment Tool for printable materials scores each item agree
(1), disagree (0) or not applicable; a share is the agrees over the items that apply. Only the
items below are computed, each from the rules that stand for it; the rest are for a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.plain_language.findings import Finding
from pipeline.plain_language.measures import Measures
from pipeline.plain_language.passages import Passage
from pipeline.sources import PlainLanguageSettings

PASSIVE_SHARE = 0.1  # "uses the active voice": at most one sentence in ten is passive (Amdur et al.'s upper limit)


@dataclass(frozen=True)
class Item:
    number: int
    name: str
    agree: bool | None  # None: not applicable to this text

    def as_json(self) -> dict[str, object]:
        return {"item": self.number, "name": self.name, "agree": self.agree}


@dataclass(frozen=True)
class Share:
    items: tuple[Item, ...]

    @property
    def share(self) -> float | None:
        scored = [item.agree for item in self.items if item.agree is not None]
        return round(sum(scored) / len(scored), 2) if scored else None

    def as_json(self) -> dict[str, object]:
        return {"share": self.share, "computed": [item.as_json() for item in self.items]}


def pemat_shares(findings: list[Finding], found: tuple[Passage, ...], measures: Measures,
                 settings: PlainLanguageSettings) -> tuple[Share, Share]:
    """(understandability, actionability) from the findings, before rules turned off are dropped."""
    rules = {finding.rule for finding in findings}
    passive = sum(finding.rule == "passive-voice" for finding in findings)
    long_text = measures.words > settings.headings_after_words
    understandability = Share((
        Item(3, "uses common, everyday language", "jargon" not in rules),
        Item(4, "medical terms are defined", not rules & {"jargon", "undefined-abbreviation"}),
        Item(5, "uses the active voice", passive <= PASSIVE_SHARE * max(measures.sentences, 1)),
        Item(6, "numbers are clear and easy to understand", "numbers" not in rules),
        Item(8, "breaks information into short sections", "long-paragraph" not in rules),
        Item(9, "sections have informative headers", "no-headings" not in rules if long_text else None),
        Item(11, "provides a summary", "no-summary" not in rules if long_text else None),
    ))
    actions = "no-action" not in rules
    actionability = Share((
        Item(20, "clearly identifies at least one action the user can take", actions),
        Item(21, "addresses the user directly when describing actions", "no-direct-address" not in rules),
        Item(22, "breaks any action down into explicit steps",
             any(passage.kind == "step" for passage in found) if actions else None),
    ))
    return understandability, actionability
