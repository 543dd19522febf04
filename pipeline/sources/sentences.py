"""Sources step: prose split into sentences, and a summary made from an article's first sentence."""

from __future__ import annotations

import re

from pipeline.sources.article import Block, Paragraph, plain

# A sentence starts with a capital or a digit, perhaps after an opening mark ("¿Qué…", "¡Ánimo!").
_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][”’\"')\]]))\s+(?=[“‘\"'(\[¿¡]?[A-Z0-9ÁÉÍÓÚÑÜ])")
_ABBREVIATION = re.compile(r"(?:\b(?:dr|dra|mr|mrs|ms|st|vs|etc|jr|sr|sra|srta)|\b[a-z]\.[a-z]|\b[A-Z])\.$",
                           re.IGNORECASE)
SUMMARY_MOST_CHARS = 240


def sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping 'Dr.', 'a.m.' and 'e.g.' inside theirs."""
    result: list[str] = []
    for part in _SENTENCE_BREAK.split(text.strip()):
        if result and _ABBREVIATION.search(result[-1]):
            result[-1] += " " + part
        else:
            result.append(part)
    return [sentence for sentence in result if sentence]


def first_sentence(blocks: tuple[Block, ...], fallback: str = "") -> str:
    """The first sentence of the first paragraph (two if the first is very short), at most 240 characters."""
    paragraph = next((plain(block.text) for block in blocks if isinstance(block, Paragraph)), fallback)
    found = sentences(" ".join(paragraph.split()))
    summary = found[0] if found else " ".join(paragraph.split())
    if len(summary) < 40 and len(found) > 1:
        summary += " " + found[1]
    if len(summary) <= SUMMARY_MOST_CHARS:
        return summary
    return summary[:SUMMARY_MOST_CHARS].rsplit(" ", 1)[0] + "…"
