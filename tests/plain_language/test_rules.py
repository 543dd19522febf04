"""The sentence rules as input/output tables: numbers, abbreviations, passive voice, jargon."""

from __future__ import annotations

import pytest

from pipeline.plain_language.jargon import jargon_in
from pipeline.plain_language.passages import Passage
from pipeline.plain_language.passive import passive_phrases
from pipeline.plain_language.sentence_rules import numbers, undefined_abbreviations


def _paragraphs(*texts: str) -> tuple[Passage, ...]:
    return tuple(Passage("paragraph", text, line) for line, text in enumerate(texts, start=1))


@pytest.mark.parametrize("text, found", [
    ("About 75% of people feel this way.", [("75%", 'say "about 3 in 4"')]),
    ("Some 12 percent say so.", [("12 percent", 'say "about 1 in 8"')]),
    ("Half of them, or 1/2, agree.", [("1/2", 'write it in words ("half", "a quarter") or as "1 in 4"')]),
    ("Sleep 7.5 hours.", [("7.5", 'round it: "about 8"')]),
    ("Wait 3-5 days.", [("3-5", 'write "from 3 to 5" (a dash between numbers reads like a minus)')]),
    ("Call 988 or (704) 555-0123 at 9:30 on 2025-08-04.", []),
    ("Pay $12.50 at the desk.", []),
    ("Try 3 things this week.", []),
], ids=["percent", "percent-word", "fraction", "decimal", "range", "phone-time-date", "money", "whole"])
def test_numbers(text, found):
    assert [(f.text, f.advice) for f in numbers(_paragraphs(text), "en")] == found


def test_spanish_numbers_use_the_decimal_comma():
    found = numbers(_paragraphs("Duerma 7,5 horas; el 50 por ciento lo logra."), "es")
    assert [(f.text, f.advice) for f in found] == [("50 por ciento", 'diga "unos 1 de cada 2"'),
                                                   ("7,5", 'redondee: "unos 8"')]


@pytest.mark.parametrize("texts, found", [
    (("CBT helps many couples.",), ["CBT"]),
    (("Cognitive behavioral therapy (CBT) helps.", "CBT takes weeks."), []),
    (("Cognitive behavioral therapy, or CBT, helps.",), []),
    (("EMDR (eye movement desensitization and reprocessing) helps.",), []),
    (("We see clients in NC and AZ, in the US.",), []),
    (("Do NOT stop your medicine.",), []),
    (("PTSD is common.", "Post-traumatic stress disorder (PTSD) is treatable."), ["PTSD"]),
    (("Fast breathing blows off carbon dioxide (CO2), and CO2 steadies you.",), []),
    (("Fast breathing blows off carbon dioxide (CO₂).", "Slow breaths keep CO₂ steady."), []),
    (("Too little CO₂ makes you dizzy.",), ["CO₂"]),
], ids=["bare", "spelled-before", "or-form", "spelled-after", "states-and-us", "shouting", "defined-too-late",
        "defined-in-parentheses-not-by-initials", "subscript-digit-defined", "subscript-digit-undefined"])
def test_undefined_abbreviations(texts, found):
    assert [f.text for f in undefined_abbreviations(_paragraphs(*texts), "en")] == found


@pytest.mark.parametrize("sentence, language, found", [
    ("The form must be signed by you.", "en", ["be signed"]),
    ("Your records are kept safe.", "en", ["are kept"]),
    ("I was tired and worried.", "en", []),
    ("You are used to it.", "en", []),
    ("The term is used loosely.", "en", ["is used"]),
    ("It’s often misused.", "en", ["’s often misused"]),
    ("El libro fue escrito por ella.", "es", ["fue escrito"]),
    ("Es complicado hablar de esto.", "es", []),
    ("We were lost.", "en", []),
    ("The game was lost by the team.", "en", ["was lost"]),
    ("I am overwhelmed by the noise at home.", "en", []),
    ("Your form isn’t signed yet.", "en", ["isn’t signed"]),
    ("The plan was almost finished by Friday.", "en", ["was almost finished"]),
    ("Está cansado por el viaje.", "es", []),
], ids=["modal", "plain", "adjectives", "used-to", "used", "contraction", "es-passive", "es-adjective",
        "state", "state-by-someone", "feeling-by", "negative-contraction", "adverb-between", "es-because-of"])
def test_passive_voice(sentence, language, found):
    assert passive_phrases(sentence, language) == found


@pytest.mark.parametrize("sentence, language, found", [
    ("We utilized two methods.", "en", [("utilized", "use")]),
    ("Rumination means going over worries again and again.", "en", []),
    ("Somatic signs (in the body) are common.", "en", []),
    ("In order to rest, lie down.", "en", [("In order to", "to")]),
    ("Síntomas crónicos y disfuncionales.", "es", [("crónicos", "que dura mucho tiempo"),
                                                  ("disfuncionales", "que no funciona bien, que hace daño")]),
    ("Your e-mail address stays private.", "en", []),
    ("Suicidal ideation can pass.", "en", [("ideation", "thoughts")]),
], ids=["inflected", "means", "parenthesis", "phrase", "spanish-forms", "no-term", "ideation-not-ideate"])
def test_jargon(sentence, language, found):
    assert [(written, term.plain) for written, term in jargon_in(sentence, language)] == found
