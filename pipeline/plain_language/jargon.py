"""Jargon: clinical and formal words with a plain alternative, from the word lists in `data/`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Words that show the same sentence explains the term it uses.
EXPLAINED = {
    "en": re.compile(r"\(|\bmeans?\b|\bmeaning\b|\bis when\b|\brefers? to\b|\bin other words\b|\balso called\b"
                     r"|\bcalled\b|\bthat is,|\bi\.e\.|\bwhich is\b", re.IGNORECASE),
    "es": re.compile(r"\(|\bsignifica\b|\bquiere decir\b|\bes decir\b|\bo sea\b|\bse refiere\b|\bllamad[oa]s?\b"
                     r"|\bse llama\b|\bes cuando\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class Term:
    """One entry of a word list: the term, its plain alternative, the list it follows, and how to find it."""

    term: str
    plain: str
    source: str
    pattern: re.Pattern[str]


def _pattern(term: str, language: str) -> re.Pattern[str]:
    if term.endswith("*"):
        ending = r"\w*"
        term = term[:-1]
    elif language == "es" and term.endswith(("o", "ó")) and " " not in term:
        term, ending = term[:-1], "(?:o|a|os|as)" if term.endswith("o") else "(?:ó|a)"
    else:
        ending = "(?:s|es)?"
    words = r"[\s-]+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<![\w-]){words}{ending}(?![\w-])", re.IGNORECASE)


@cache
def word_list(language: str) -> tuple[Term, ...]:
    """The language's list (English for a language without one)."""
    name = "jargon-es.tsv" if language == "es" else "jargon-en.tsv"
    text = resources.files("pipeline.plain_language").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    terms = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, plain, source = line.split("\t")
        terms.append(Term(term.rstrip("*"), plain, source, _pattern(term, language)))
    return tuple(terms)


def jargon_in(sentence: str, language: str) -> list[tuple[str, Term]]:
    """The listed terms a sentence uses without explaining them, as written in it."""
    if EXPLAINED["es" if language == "es" else "en"].search(sentence):
        return []
    return [(match.group(0), term) for term in word_list(language) if (match := term.pattern.search(sentence))]
