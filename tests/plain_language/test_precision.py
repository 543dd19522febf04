"""Precision of the passive-voice and jargon rules on labelled sentences, and the figures the README states."""

from __future__ import annotations

import re
from pathlib import Path

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
def test_precision_on_labelled_sentences_is_what_the_readme_says(rule):
    name, positive, flags = RULES[rule]
    count, precision, recall = _scores(name, positive, flags)
    assert count >= 40
    assert precision >= 0.9  # a false alarm costs an editor's trust; misses cost less
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(rf"`{rule}`: precision (\d+(?:\.\d+)?) %, recall (\d+(?:\.\d+)?) % on (\d+) labelled", readme)
    assert stated, f"README states no precision for {rule}"
    assert (float(stated[1]), float(stated[2]), int(stated[3])) == (round(precision * 100), round(recall * 100),
                                                                    count)


def test_labels_are_only_the_two_kinds():
    for name, positive, _ in RULES.values():
        assert {label for label, _, _ in _labelled(name)} == {positive, "active" if positive == "passive" else "plain"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_word_list_entry_names_its_list_and_is_found(language):
    terms = word_list(language)
    assert len(terms) >= 40
    assert {term.source for term in terms} <= {"cdc", "plainlanguage.gov", "mental-health"}
    for term in terms:
        assert term.pattern.search(f"x {term.term} x") or term.pattern.search(f"x {term.term}o x"), term.term


def test_the_word_lists_say_where_they_come_from():
    data = Path(ROOT / "pipeline" / "plain_language" / "data")
    for path in data.glob("jargon-*.tsv"):
        head = path.read_text(encoding="utf-8")[:1200]
        assert "Everyday Words for Public Health Communication" in head and "PlainLanguage.gov" in head
