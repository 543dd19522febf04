"""Reading step: the summary an article without `summary:` is given, from its body's first sentence."""

from __future__ import annotations

from pipeline.article import Block, Paragraph, current_words
from pipeline.language import split_sentences

SUMMARY_MOST_CHARS = 240


def first_sentence(blocks: tuple[Block, ...], fallback: str = "", language: str = "en") -> str:
    """The first sentence of the first paragraph (two if the first is very short), at most 240 characters.

    Struck-through words are left out: a one-line summary cannot show them struck through.
    """
    paragraph = next((current_words(block.text) for block in blocks
                      if isinstance(block, Paragraph) and current_words(block.text).strip()), fallback)
    # Only the opening is split: a paragraph pasted as one 700 KB line costs no more than a short one.
    text = " ".join(paragraph[:SUMMARY_MOST_CHARS * 4].split())
    found = split_sentences(text, language)
    summary = found[0] if found else text
    if len(summary) < 40 and len(found) > 1:
        summary += " " + found[1]
    if len(summary) <= SUMMARY_MOST_CHARS:
        return summary
    return summary[:SUMMARY_MOST_CHARS].rsplit(" ", 1)[0] + "…"
