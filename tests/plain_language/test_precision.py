"""Precision of the passive-voice and jargon rules on labelled sentences, and the figures the docs state."""

from __future__ import annotations

import re

import pytest

from pipeline.plain_language.jargon import jargon_in, word_list
from pipeline.plain_language.passive import passive_phrases
from tests.conftest import FIXTURES, ROOT

LABELLED = FIXTURES / "plain_language"


def _labelled(name: str) -> list[tuple[str, str, str]]:
    lines = (LABELLED / name).read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]


def _scores(name: str, positive: str, flags) -> tuple[int, float, float]:
    rows = _labelled(name)
    flagged = [(label, bool(flags(sentence, language))) for label, language, sentence in rows]
    true = sum(label == positive and hit for label, hit in flagged)
    false = sum(label != positive and hit for label, hit in flagged)
    missed = sum(label == positive and not hit for label, hit in flagged)
    return len(rows), true / (true + false), true / (true + missed)


RULES = {
    "passive-voice": ("passive_voice_sentences.tsv", "passive", passive_phrases),
    "jargon": ("jargon_sentences.tsv", "jargon", jargon_in),
}


@pytest.mark.parametrize("rule", RULES)
def test_precision_on_labelled_sentences_is_what_the_docs_say(rule):
    name, positive, flags = RULES[rule]
    count, precision, recall = _scores(name, positive, flags)
    assert count >= 40
    assert precision >= 0.9  # a false alarm costs an editor's trust; misses cost less
    page = (ROOT / "docs" / "maintainers" / "plain-language.md").read_text(encoding="utf-8")
    stated = re.search(rf"`{rule}`: precision (\d+(?:\.\d+)?) %, recall (\d+(?:\.\d+)?) % on (\d+) labelled", page)
    assert stated, f"the plain-language page states no precision for {rule}"
    assert (float(stated[1]), float(stated[2]), int(stated[3])) == (round(precision * 100), round(recall * 100),
                                                                    count)


def test_labels_are_only_the_two_kinds():
    for name, positive, _ in RULES.values():
        assert {label for label, _, _ in _labelled(name)} == {positive, "active" if positive == "passive" else "plain"}


# The lists each file's header names; Spanish entries are the project's translations, no list's.
LABELS = {"en": {"cdc", "cdc-thesaurus", "plainlanguage.gov", "pemat", "mental-health"}, "es": {"translation"}}


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_word_list_entry_names_its_list_and_is_found(language):
    terms = word_list(language)
    assert len(terms) >= 40
    assert {term.source for term in terms} <= LABELS[language]
    for term in terms:
        assert term.pattern.search(f"x {term.term} x") or term.pattern.search(f"x {term.term}o x"), term.term


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_word_lists_say_what_each_label_means(language):
    path = ROOT / "pipeline" / "plain_language" / "data" / f"jargon-{language}.tsv"
    header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    for label in {term.source for term in word_list(language)}:
        assert any(re.match(rf"#   {re.escape(label)}  +\S", line) for line in header), label


def test_the_english_list_names_its_sources():
    header = (ROOT / "pipeline" / "plain_language" / "data" / "jargon-en.tsv").read_text(encoding="utf-8")
    header = " ".join(line.lstrip("# ") for line in header.splitlines() if line.startswith("#"))
    for title in ["Everyday Words for Public Health Communication",
                  "Plain Language Thesaurus for Health Communications", "Use simple words and phrases",
                  "PEMAT User's Guide, item 3"]:
        assert title in header, title
