"""Passive voice: a form of "to be" (or "get") followed by a past participle, in English and Spanish.

A small rule rather than a parser: the maintained detector on PyPI (PassivePy) needs spaCy and a
language model fetched at run time, which this offline pipeline does not do. The rule leaves out
participles that read as adjectives after "to be" ("I was tired", "she is married", "es
complicado"), since a writer cannot make those active; its precision on labelled sentences is
measured in the tests and stated in docs/maintainers/plain-language.md.
"""

from __future__ import annotations

import re

_EN_BE = (r"(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting|['’]s|['’]re"
          r"|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)")
_EN_BETWEEN = (r"(?:(?:not|never|often|always|also|just|still|usually|sometimes|being|almost|already|even|ever"
               r"|\w+ly)\s+){0,2}")
_EN_IRREGULAR = (
    "given taken made done seen known told shown written found thought held left kept brought bought caught "
    "taught built sent spent paid said heard meant put set cut hidden forgotten broken chosen driven eaten "
    "fallen frozen grown spoken stolen thrown worn understood misunderstood led fed met won sold struck torn "
    "beaten bitten drawn overcome undertaken forgiven ignored rejected abandoned hit beat proven shut laid "
    "overtaken lost done"
).split()
# -ed words after "to be" that name a state or feeling (or are not verbs at all)
_EN_ADJECTIVES = set(
    "tired interested worried scared excited bored married divorced engaged supposed located based concerned "
    "confused overwhelmed stressed depressed ashamed annoyed frustrated exhausted pleased surprised disappointed "
    "embarrassed relaxed attached connected committed determined prepared involved related detailed advanced "
    "balanced crowded experienced skilled talented qualified licensed isolated hurt lost done gone finished "
    "closed need needed indeed speed seed feed bleed breed greed proceed succeed exceed shred hundred sacred "
    "naked wicked ragged rugged crooked wretched kindred bed red wed shed tied dressed started "
    "worn convinced terrified horrified thrilled delighted amazed satisfied motivated inspired focused "
    "limited alarmed aged beloved blessed dedicated stunned heated complicated overrated opposed screwed filled"
    .split()
)
# feelings, which stay a feeling with "by" ("I am overwhelmed by the noise"): never advised against
_EN_FEELINGS = set(
    "tired interested worried scared excited bored concerned confused overwhelmed stressed depressed ashamed "
    "annoyed frustrated exhausted pleased surprised disappointed embarrassed relaxed terrified horrified thrilled "
    "delighted amazed satisfied motivated inspired stunned alarmed hurt convinced".split()
)
_EN_PASSIVE = re.compile(rf"\b{_EN_BE}\s+{_EN_BETWEEN}(?P<participle>[a-z]+ed|{'|'.join(_EN_IRREGULAR)})\b",
                         re.IGNORECASE)

_ES_SER = r"(?:es|son|era|eran|fue|fueron|será|serán|sería|serían|sido|ser|siendo|sea|sean)"
_ES_BETWEEN = r"(?:(?:no|muy|siempre|también|casi|\w+mente)\s+){0,2}"
_ES_PARTICIPLE = r"[a-záéíóúñ]+(?:ad|id)[oa]s?|hech[oa]s?|dich[oa]s?|escrit[oa]s?|vist[oa]s?|puest[oa]s?"
_ES_ADJECTIVES = set(
    "complicado complicada delicado delicada adecuado adecuada apropiado apropiada cansado cansada pesado pesada "
    "sagrado sagrada querido querida divertido divertida aburrido aburrida atrevido atrevida casado casada "
    "educado educada equivocado equivocada enamorado enamorada ocupado ocupada preocupado preocupada "
    "importado necesitado valido válido sólido solido nido olvido sentido ruido partido marido vida "
    "pasado pasada lado estado cuidado mercado grado".split()
)
_ES_PASSIVE = re.compile(rf"\b{_ES_SER}\s+{_ES_BETWEEN}(?P<participle>{_ES_PARTICIPLE})\b", re.IGNORECASE)


def passive_phrases(sentence: str, language: str) -> list[str]:
    """The passive constructions in one sentence, as written ("was given", "fue escrito")."""
    pattern, adjectives = (_ES_PASSIVE, _ES_ADJECTIVES) if language == "es" else (_EN_PASSIVE, _EN_ADJECTIVES)
    found = []
    for match in pattern.finditer(sentence):
        participle = match["participle"].lower()
        if participle in adjectives and (participle in _EN_FEELINGS or not _by_someone(sentence[match.end():],
                                                                                      language)):
            continue  # "I was tired", "we were lost"; but "the game was lost by the team" names who acts
        if language != "es" and participle == "used" and sentence[match.end():].lstrip().lower().startswith("to "):
            continue
        found.append(match.group(0))
    return found


def _by_someone(rest: str, language: str) -> bool:
    """The words after an English participle name who acts: "… by the team". (Spanish "por" after an
    adjective is as often "because of": "está cansado por el viaje".)"""
    return language != "es" and re.match(r"\s+by\s", rest, re.IGNORECASE) is not None
