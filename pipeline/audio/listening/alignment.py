"""Listening back, comparing: what the recogniser heard, sentence by sentence, against what was meant.

Pure. Both sides are reduced to plain lowercase words first: numbers in words (in Spanish, in
digits, whichever way they were written or heard), "E-M-D-R",
"E.M.D.R." and "E M D R" all "emdr". A sentence's word error is the share of its words not
heard (missed or heard as something else), against the page's wording or the voice's, whichever
is closer; words heard on either side of it are the neighbours' and not counted against it.
Words are compared letter by letter, so how the recogniser splits them does not matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from pipeline.audio.listening.recogniser import MISSING, HeardWord
from pipeline.audio.spoken_script.spoken_numbers import cardinal
from pipeline.errors import PipelineError

# Short words recognisers drop or merge when the voice said them ("in an emergency" heard "and in
# emergency"): not counted, so the words that carry the meaning decide.
SLIGHT_WORDS = frozenset({"a", "an", "the", "and", "in", "of", "to", "or", "at", "on", "is", "it"})
# The same in Spanish: articles, "a"/"al", "de"/"del", "en", "y"/"e", "o" ("Carolina del Norte" heard
# "Carolina de Norte", "llame al" heard "llame a").
SLIGHT_WORDS_BY_LANGUAGE = {"en": SLIGHT_WORDS, "es": frozenset(
    {"a", "al", "de", "del", "el", "la", "los", "las", "lo", "en", "y", "e", "o", "un", "una"})}
MARGIN_MS = 400  # heard words this close to a sentence's start or end may belong to it


@dataclass(frozen=True)
class Sentence:
    """One sentence of the recording: when it is said, and its wording on the page and for the voice."""

    start_ms: int
    end_ms: int
    written: str
    spoken: str


@dataclass(frozen=True)
class Hearing:
    sentence: Sentence
    heard: str
    word_error: float


def figures(text: str, language: str) -> str:
    """'llame al nueve, ocho, ocho' -> 'llame al 9, 8, 8': number words as digits (text2num), so a
    number heard as figures or as words, whole or digit by digit, is the same digits."""
    try:
        from text_to_num import alpha2digit
    except ImportError:
        raise PipelineError(MISSING) from None
    return alpha2digit(text, language)


def plain_words(text: str, language: str = "en") -> list[str]:
    """'An LCSW, E-M-D-R & 988.' -> ['an', 'lcsw', 'emdr', 'nine', 'hundred', …].

    Other than English, numbers are compared as digits, one word each ('llame al 988' and 'llame
    al nueve ocho ocho' -> ['llame', 'al', '9', '8', '8']), and accents are left aside ('cuándo'
    heard 'cuando'): how the recogniser writes a word is not whether the voice said it."""
    text = re.sub(r"\[\[.*?\]\]", " ", text)  # phonemes are not words
    text = re.sub(r"(?<=[A-Za-z])\.(?=[A-Za-z])", "", text)  # "Ph.D." and "E.M.D.R." as one word
    text = re.sub(r"(?<=\b[A-Za-z])-(?=[A-Za-z]\b)", " ", text)
    text = re.sub(r"(\d),(?=\d{3}\b)", r"\1", text)
    if language == "en":
        text = re.sub(r"\d+", lambda m: f" {cardinal(int(m[0]), language)} " if len(m[0]) < 5 else " ".join(m[0]),
                      text)
    else:
        text = unicodedata.normalize("NFC", re.sub("[\u0300\u0301\u0308]", "", unicodedata.normalize("NFD", text)))
        text = re.sub(r"\d", r" \g<0> ", figures(text, language))
    words = re.findall(r"[^\W_]+(?:'[^\W_]+)?", text.lower().replace("’", "'"))
    joined: list[str] = []
    spelling = False  # inside a run of single letters, one abbreviation: "l c s w" -> "lcsw"
    for word in words:
        letter = len(word) == 1 and word.isalpha()
        if letter and spelling:
            joined[-1] += word
        else:
            joined.append(word)
        spelling = letter or (spelling and letter)
    return [word.removesuffix("'s") for word in joined]


def missed_share(meant: Sequence[str], heard: Sequence[str], slight: frozenset[str] = SLIGHT_WORDS) -> float:
    """The share of the words `meant` not heard, in order; extra heard words cost nothing.

    Compared letter by letter, spaces aside, so a word heard whole counts however the recogniser
    split or joined it ("e-mail" as "email", "TF-CBT" as "TF CBT"); a word with any letter
    missed or changed ("EMDR" heard "Ender", "CBT" heard "CBD") is not heard."""
    if not meant:
        return 0.0
    letters = "".join(meant)
    owner = [index for index, word in enumerate(meant) for _letter in word]
    matcher = SequenceMatcher(a=letters, b="".join(heard), autojunk=False)
    matched = {block.a + offset for block in matcher.get_matching_blocks() for offset in range(block.size)}
    missed = {owner[position] for position in range(len(letters)) if position not in matched}
    counted = [index for index, word in enumerate(meant) if word not in slight]
    if not counted:
        return 0.0
    return len(missed.intersection(counted)) / len(counted)


def hearings(sentences: Sequence[Sentence], words: Sequence[HeardWord], language: str = "en") -> list[Hearing]:
    """Each sentence with what was heard while it was said and its word error."""
    result = []
    for sentence in sentences:
        window = [word.text for word in words if word.end_ms > sentence.start_ms - MARGIN_MS
                  and word.start_ms < sentence.end_ms + MARGIN_MS]
        heard = plain_words(" ".join(window), language)
        slight = SLIGHT_WORDS_BY_LANGUAGE.get(language, SLIGHT_WORDS)
        error = min(missed_share(plain_words(sentence.written, language), heard, slight),
                    missed_share(plain_words(sentence.spoken, language), heard, slight))
        core = [word.text for word in words if word.end_ms > sentence.start_ms and word.start_ms < sentence.end_ms]
        result.append(Hearing(sentence, " ".join(core), round(error, 3)))
    return result
