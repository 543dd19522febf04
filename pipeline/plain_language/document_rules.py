"""The rules read over the whole text: reading-level, long-paragraph, no-headings, no-summary, no-action,
no-direct-address."""

from __future__ import annotations

import re

from pipeline.plain_language.findings import Finding, quoted
from pipeline.plain_language.measures import Measures
from pipeline.plain_language.passages import Passage, prose
from pipeline.sources import PlainLanguageSettings

DIRECT_ADDRESS = {
    "en": re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE),
    "es": re.compile(r"\b(?:usted|ustedes|tú|tu|tus|te|ti|contigo)\b", re.IGNORECASE),
}
_OPENERS = r"(?:(?:first|then|next|now|please|finally|also|primero|luego|después|ahora|por favor)\W+)?"
IMPERATIVE = {
    "en": re.compile(_OPENERS + r"(?:ask|be|breathe|book|call|choose|consider|contact|do|don['’]t|eat|find|focus|"
                     r"get|give|go|keep|learn|let|list|listen|look|make|move|notice|pause|pick|plan|practi[cs]e|put|"
                     r"reach|read|remember|schedule|say|set|share|sit|sleep|spend|start|stop|take|talk|tell|text|"
                     r"think|try|turn|use|wait|walk|watch|write)\b", re.IGNORECASE),
    "es": re.compile(_OPENERS + r"(?:llame|llama|pregunte|pregunta|respire|respira|elija|elige|considere|hable|"
                     r"habla|haga|haz|tome|toma|intente|intenta|pruebe|prueba|busque|busca|recuerde|recuerda|"
                     r"escriba|escribe|anote|anota|practique|practica|piense|piensa|dedique|dedica|pida|pide|"
                     r"comparta|comparte|diga|di|vaya|ve|use|usa|deje|deja|mire|mira|escuche|escucha|camine|"
                     r"camina|duerma|duerme|empiece|empieza|comience|comienza|no)\b", re.IGNORECASE),
}
SUMMARY_HEADING = re.compile(
    r"\b(?:summary|key points?|in short|bottom line|takeaways?|what to remember|remember|in a nutshell|to sum up|"
    r"main points?|resumen|puntos clave|en pocas palabras|lo más importante|recuerde|para recordar|"
    r"ideas principales)\b", re.IGNORECASE)
SUMMARY_OPENING = re.compile(r"^(?:in short|in summary|to sum up|the bottom line|en resumen|en pocas palabras|"
                             r"en conclusión)\b", re.IGNORECASE)


def reading_level(measures: Measures, found: tuple[Passage, ...], settings: PlainLanguageSettings,
                  hardest: list[Passage]) -> list[Finding]:
    """One finding when the text reads above the target, pointing at its hardest paragraphs."""
    line = found[0].line if found else None
    lines = ", ".join(str(passage.line) for passage in hardest if passage.line)
    where = f"; start with the paragraphs on lines {lines}" if lines else ""
    if measures.language == "es":
        score = measures.szigriszt_pazos or 0.0
        if score >= settings.min_spanish_score:
            return []
        return [Finding("reading-level", line, f"Szigriszt-Pazos {score:.1f} ({measures.inflesz})",
                        f"aim for {settings.min_spanish_score:g} or above (INFLESZ \"normal\"): shorter sentences "
                        f"and everyday words{where}")]
    levels = {"SMOG": measures.smog, "Flesch–Kincaid": measures.grade}
    over = {name: value for name, value in levels.items() if value is not None and value > settings.max_grade}
    if not over:
        return []
    shown = ", ".join(f"{name} grade {value:.1f}" for name, value in levels.items() if value is not None)
    return [Finding("reading-level", line, shown,
                    f"patient handouts aim for grade {settings.max_grade:g} or below: shorter sentences and "
                    f"words of fewer syllables{where}")]


def long_paragraphs(found: tuple[Passage, ...], settings: PlainLanguageSettings) -> list[Finding]:
    most = settings.max_paragraph_words
    return [Finding("long-paragraph", passage.line, quoted(passage.text, 8),
                    f"{passage.words} words; split it into paragraphs of {most} words or fewer, "
                    "or turn a series into a list")
            for passage in found if passage.kind in ("paragraph", "quote") and passage.words > most]


def structure(found: tuple[Passage, ...], measures: Measures, settings: PlainLanguageSettings,
              language: str) -> list[Finding]:
    """no-headings and no-summary (texts over `headings_after_words`), no-action, no-direct-address."""
    findings: list[Finding] = []
    first = found[0].line if found else None
    headings = [passage for passage in found if passage.kind == "heading"]
    if measures.words > settings.headings_after_words:
        if not headings:
            findings.append(Finding("no-headings", first, f"{measures.words} words without a heading",
                                    "add a heading every few paragraphs that says what the part is about; "
                                    "questions the reader asks work well (\"What can I do tonight?\")"))
        if not has_summary(found):
            findings.append(Finding("no-summary", None, f"{measures.words} words without a summary",
                                    "end with a short \"Key points\" section: the three things to remember"))
    if not has_action(found, language):
        findings.append(Finding("no-action", None, "no steps and no sentence telling the reader what to do",
                                "say what to do, starting with the verb (\"Call us at…\", \"Try this tonight:\"), "
                                "and put steps in a numbered list"))
    if not DIRECT_ADDRESS["es" if language == "es" else "en"].search(" ".join(p.text for p in found)):
        findings.append(Finding("no-direct-address", first, "the text never says \"you\"",
                                "speak to the reader: \"you may notice…\" rather than \"clients may notice…\""))
    return findings


def has_summary(found: tuple[Passage, ...]) -> bool:
    return any(passage.kind == "heading" and SUMMARY_HEADING.search(passage.text)
               or passage.kind == "paragraph" and SUMMARY_OPENING.search(passage.text) for passage in found)


def has_action(found: tuple[Passage, ...], language: str) -> bool:
    """Numbered steps, or a sentence that starts with a verb telling the reader what to do."""
    imperative = IMPERATIVE["es" if language == "es" else "en"]
    return any(passage.kind == "step" for passage in found) or any(
        imperative.match(sentence.lstrip("¡\"“'‘(")) and not sentence.rstrip("\"”’') ").endswith("?")
        for passage in prose(found) for sentence in passage.sentences)
