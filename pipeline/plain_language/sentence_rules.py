"""The rules read sentence by sentence: long-sentence, passive-voice, jargon, numbers, undefined-abbreviation."""

from __future__ import annotations

import re
from fractions import Fraction

import us

from pipeline.plain_language.findings import Finding, quoted
from pipeline.plain_language.jargon import jargon_in
from pipeline.plain_language.passages import Passage, prose
from pipeline.plain_language.passive import passive_phrases
from pipeline.sources import PlainLanguageSettings


def long_sentences(found: tuple[Passage, ...], settings: PlainLanguageSettings, language: str) -> list[Finding]:
    most = settings.max_sentence_words
    return [Finding("long-sentence", passage.line, quoted(sentence),
                    _in(language, f"{count} words; split it into sentences of {most} words or fewer, one idea each",
                        f"{count} palabras; divídala en oraciones de {most} palabras o menos, una idea en cada una"))
            for passage in prose(found) for sentence in passage.sentences
            if (count := len(sentence.split())) > most]


def passive_voice(found: tuple[Passage, ...], language: str) -> list[Finding]:
    findings = []
    for passage in prose(found):
        for sentence in passage.sentences:
            found_here = passive_phrases(sentence, language)
            phrases = " and ".join(f"\"{phrase}\"" for phrase in found_here)
            if phrases:
                verb = "does" if len(found_here) == 1 else "do"
                advice = _in(language, f"{phrases} {verb} not say who acts; name them first "
                                       "(\"your therapist will give you\", not \"you will be given\")",
                             f"{phrases} no dice quién lo hace; nómbrelo primero "
                             "(\"su terapeuta le dará\", no \"le será dado\")")
                findings.append(Finding("passive-voice", passage.line, quoted(sentence), advice))
    return findings


def jargon(found: tuple[Passage, ...], language: str) -> list[Finding]:
    """Each listed term once, where it is first used unexplained."""
    findings, seen = [], set()
    for passage in found:
        for sentence in passage.sentences or (passage.text,):
            for written, term in jargon_in(sentence, language):
                if term.term in seen:
                    continue
                seen.add(term.term)
                advice = _in(language, f"say \"{term.plain}\" instead, or explain \"{written}\" in the same sentence",
                             f"diga \"{term.plain}\", o explique \"{written}\" en la misma oración")
                findings.append(Finding("jargon", passage.line, written, advice))
    return findings


_PERCENT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(?:%|percent\b|per cent\b|por ciento\b)", re.IGNORECASE)
_FRACTION = re.compile(r"(?<![\w/])\d+/\d+(?![\w/])|[½⅓⅔¼¾⅕⅛]")
_DECIMAL = {"en": re.compile(r"(?<![\w.$€£])\d+\.\d+(?![\w.])"), "es": re.compile(r"(?<![\w,.$€£])\d+,\d+(?![\w,])")}
_RANGE = re.compile(r"(?<![\d\-–])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d\-–])")


def numbers(found: tuple[Passage, ...], language: str) -> list[Finding]:
    findings = []
    for passage in found:
        text, seen = passage.text, []
        for match in _PERCENT.finditer(text):
            seen.append(match.span())
            findings.append(Finding("numbers", passage.line, match.group(0), _percent_advice(match[1], language)))
        for match in _FRACTION.finditer(text):
            findings.append(Finding("numbers", passage.line, match.group(0), _in(
                language, "write it in words (\"half\", \"a quarter\") or as \"1 in 4\"",
                "escríbalo con palabras (\"la mitad\", \"una cuarta parte\") o como \"1 de cada 4\"")))
        for match in _DECIMAL["es" if language == "es" else "en"].finditer(text):
            if any(start <= match.start() < end for start, end in seen):
                continue
            whole = round(float(match.group(0).replace(",", ".")))
            findings.append(Finding("numbers", passage.line, match.group(0), _in(
                language, f"round it: \"about {whole}\"", f"redondee: \"unos {whole}\"")))
        for match in _RANGE.finditer(text):
            findings.append(Finding("numbers", passage.line, match.group(0), _in(
                language, f"write \"from {match[1]} to {match[2]}\" (a dash between numbers reads like a minus)",
                f"escriba \"de {match[1]} a {match[2]}\" (un guion entre números parece un signo menos)")))
    return findings


def _percent_advice(number: str, language: str) -> str:
    value = float(number.replace(",", "."))
    if 0 < value < 100:
        share = Fraction(value / 100).limit_denominator(10)
        share = share if share.numerator else Fraction(1, 10)
        return _in(language, f"say \"about {share.numerator} in {share.denominator}\"",
                   f"diga \"unos {share.numerator} de cada {share.denominator}\"")
    return _in(language, "say it in words (\"all\", \"twice as many\")",
               "dígalo con palabras (\"todos\", \"el doble\")")


_ABBREVIATION = re.compile(r"(?<![\w.])([A-Z][A-Z0-9₀-₉]{1,5})s?(?![\w.])")  # CO2, and CO₂ as typed
_NAMED_JUST_BEFORE = re.compile(r"[^\W\d_]{2,}[,]?\s*\(\s*$")  # "carbon dioxide (CO2)": words, then it in ( )
_KNOWN = {"US", "USA", "UK", "OK", "TV", "AM", "PM", "ID", "DC", "NOT", "NO", "YES", "AND", "OR", "YOU", "STOP",
          "DO", "DON", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "EEUU", "EE", "UU", "SOS"}
_STATES = {state.abbr for state in us.states.STATES_AND_TERRITORIES}


def undefined_abbreviations(found: tuple[Passage, ...], language: str) -> list[Finding]:
    """An abbreviation whose first use is neither spelled out beside it nor after its spelled-out words."""
    findings, seen = [], set()
    before = ""  # the text read so far, where a spelled-out form may already stand
    for passage in found:
        for match in _ABBREVIATION.finditer(passage.text):
            abbreviation = match[1]
            if abbreviation in seen or abbreviation in _KNOWN or abbreviation in _STATES or abbreviation.isdigit():
                continue
            seen.add(abbreviation)
            context = before + passage.text[:match.start()]
            after = passage.text[match.end():match.end() + 80]
            if (_spelled_out(abbreviation, context[-200:]) or re.match(r"\s*\([^)]{4,}\)", after)
                    or _NAMED_JUST_BEFORE.search(passage.text[:match.start()])):
                continue
            findings.append(Finding("undefined-abbreviation", passage.line, abbreviation, _in(
                language, f"spell it out the first time: \"the words it stands for ({abbreviation})\"",
                f"escríbala completa la primera vez: \"las palabras que abrevia ({abbreviation})\"")))
        before += " " + passage.text
    return findings


def _spelled_out(abbreviation: str, text: str) -> bool:
    """Whether `text` holds words whose initials spell the abbreviation ("cognitive behavioral therapy")."""
    letters = [letter for letter in abbreviation.lower() if letter.isalpha()]
    if len(letters) < 2:
        return False
    words = r"[\s\-]+(?:(?:of|and|the|for|de|la|el|y|del|los|las)[\s\-]+)?".join(
        rf"{letter}\w*" for letter in letters)
    return re.search(rf"\b{words}\b", text, re.IGNORECASE) is not None


def _in(language: str, english: str, spanish: str) -> str:
    return spanish if language == "es" else english
