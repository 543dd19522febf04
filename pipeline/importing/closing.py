"""Import step: the practice's closing call to action is left out — only when that is all it is.

A short closing section often mixes the practice's "call us" with the article's most important
advice ("When to get help: see your doctor…"). Only a block whose every sentence asks the reader
to book, call or contact the practice, and that carries no clinical word, advice or number other
than the practice's own contact details, is chrome. Anything else is kept; a kept block that also
holds a call to action is flagged for review.
"""

from __future__ import annotations

import re

from pipeline.article import Block, Heading, Paragraph, plain
from pipeline.importing.furniture import Removed, is_call_to_action
from pipeline.language import split_sentences

# Words that make a sentence part of the article's care, never the practice's advertising
# (English and Spanish).
_CLINICAL = re.compile(
    r"\b(?:doctor|physician|nurse|médic[oa]s?|enfermer[oa]|hospital|emergenc(?:y|ia)|urgencias?|911|988|crisis"
    r"|helpline|hotline|lifeline|text\s+line|línea\s+de\s+(?:ayuda|crisis|prevención)|samhsa|741741"
    r"|suicid\w*|self-harm|autolesi\w+|symptoms?|síntomas?|diagnos\w*|diagnóstic\w*|medication\w*|medicine"
    r"|medicamentos?|medicina|dose|dosis|prescri\w+|receta|treatment\w*|tratamientos?|heart|corazón|chest|pecho"
    r"|breath\w*|respira\w*|cognitive|cognitiv[ao]|behaviou?ral|conductual|disorder|trastornos?|panic|pánico"
    r"|anxiety|ansiedad|depressi\w+|depresi\w+|trauma\w*|ptsd|tept|insomnia|insomnio|sleep|sueño|pain|dolor"
    r"|pregnan\w+|embaraz\w+|alcohol|drugs?|drogas?|overdose|sobredosis|safety|seguridad|risk|riesgo"
    r"|if you (?:have|feel|notice|are|think)|si (?:usted |tú )?(?:tiene|tienes|siente|sientes|nota|notas)"
    r"|see your|talk to your|hable con su|consulte a su|visite a su)\b", re.IGNORECASE)
_CALL_TO_ACTION_ES = re.compile(
    r"\b(?:ll[aá]m\w*|cont[aá]ct\w*|escr[ií]ban\w*|(?:agende|programe|reserve|pida|solicite)\s+(?:su\s+|una\s+)?"
    r"(?:cita|consulta|sesi[oó]n)|nuestr[oa]s\s+(?:terapeutas|consejer[oa]s|cl[ií]nic[oa]s)"
    r"|consulta\s+gratuita|estamos\s+aqu[ií]\s+para\s+ayudar)\b", re.IGNORECASE)
# The practice's own contact details: the only numbers a call to action may carry.
_CONTACT = re.compile(
    r"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|https?://\S+|\b\d+\s+\w+(?:\s+\w+)?\s+(?:street|st|avenue|ave|road|rd|suite|blvd|drive)\b\.?(?:\s*\d+)?"
    r"|\b(?:suite|ste|unit|floor|apt)\.?\s*#?\d+|\b\d{5}(?:-\d{4})?\b|\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)"
    r"|\b\d+[- ](?:minute|min)\b", re.IGNORECASE)  # "a free 15-minute consultation": the offer, not advice


def asks_to_book(sentence: str) -> bool:
    """Whether a sentence asks the reader to book, call or contact the practice (English or Spanish)."""
    return is_call_to_action(sentence) or bool(_CALL_TO_ACTION_ES.search(sentence))


def is_only_chrome(text: str) -> bool:
    """Whether a closing block is nothing but the practice's call to action and contact details.

    Each sentence asks the reader to book or call, or is a question leading up to that ("Want to
    feel more connected?"); none carries a clinical word or advice.
    """
    sentences = split_sentences(text) or [text]
    if not any(asks_to_book(sentence) for sentence in sentences) or _CLINICAL.search(text):
        return False
    if not all(asks_to_book(sentence) or sentence.rstrip().endswith("?") for sentence in sentences):
        return False
    return not re.search(r"\d", _CONTACT.sub(" ", text))  # any other number is the article's


def trim_call_to_action(blocks: list[Block], lines: list[int]) -> list[Removed]:
    """Drop the practice's closing call to action (and its heading) in place; flag a kept block that holds one."""
    removed: list[Removed] = []
    while len(blocks) > 1 and isinstance(blocks[-1], (Paragraph, Heading)):
        text = plain(blocks[-1].text)
        if isinstance(blocks[-1], Paragraph) and is_only_chrome(text):
            kind = "closing call to action"
        elif isinstance(blocks[-1], Heading):
            kind = "closing call to action" if removed else "heading with no text under it"
        else:
            break
        blocks.pop()
        removed.insert(0, Removed(lines.pop(), kind, text))
    flagged = [plain(block.text) for block in blocks[-3:] if isinstance(block, Paragraph)
               and any(asks_to_book(sentence) for sentence in split_sentences(plain(block.text)))]
    removed += [Removed(0, "review", f"the closing paragraph {_short(text)!r} holds the practice's call to "
                                     "action beside the article's own words; it was kept whole — delete the "
                                     "call to action if it should not be printed") for text in flagged]
    return removed


def _short(text: str, most: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + "…"
