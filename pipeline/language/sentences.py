"""Sentence splitting by each language's rules (pysbd): for the narration, and for summaries taken from a body.

pysbd knows 'Dr.', 'a.m.', 'e.g.' and Spanish's '¿Qué es?' and 'Sra.'; two corrections are ours:
it may cut inside a web or e-mail address, and after a title before a name ("La Dra. | López").
"""

from __future__ import annotations

import functools
import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pysbd

_SEGMENTER_LOCK = threading.Lock()  # a pysbd Segmenter keeps per-call state: one caller at a time
_ADDRESS = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TITLE = re.compile(r"\b(?:Dr|Dra|Sr|Sra|Srta|Lic|Prof|Mr|Mrs|Ms)\.$")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}$")  # "a.m.", "e.g.": in a title, never the end of a sentence
# pysbd's own languages; text in another language is split by the English rules.
_SEGMENTER_LANGUAGES = {"en", "es"}


@functools.cache
def _segmenter(language: str) -> pysbd.Segmenter:
    import pysbd

    return pysbd.Segmenter(language=language if language in _SEGMENTER_LANGUAGES else "en", clean=False,
                           char_span=True)


def split_sentences(text: str, language: str = "en") -> list[str]:
    """The sentences of one run of prose, in order, none empty."""
    text = text.strip()
    if not text:
        return []
    addresses = [match.span() for match in _ADDRESS.finditer(text)]
    with _SEGMENTER_LOCK:
        spans = _segmenter(language).segment(text)
    cuts = [span.end for span in spans[:-1]]
    cuts = [cut for cut in cuts if not any(start < cut < end for start, end in addresses)]
    cuts = [cut for cut in cuts if not _TITLE.search(text[:cut].rstrip())]
    bounds = [0, *cuts, len(text)]
    found = [text[start:end].strip() for start, end in zip(bounds, bounds[1:], strict=False)]
    return [sentence for sentence in found if sentence]


def is_one_sentence(line: str, language: str = "en") -> bool:
    """Whether a line (a title, a heading) is one sentence: a dotted abbreviation followed by a
    capital ("Sleep and the 3 a.m. Wake-Up") does not end one there, as it may in prose."""
    found = split_sentences(line, language)
    return len(found) - sum(1 for sentence in found[:-1] if _DOTTED.search(sentence)) == 1
