"""The scorecard on whole articles: silent on plain text, specific (rule, line, words, advice) on dense text."""

from __future__ import annotations

import pytest

from pipeline.plain_language import scorecard
from pipeline.plain_language.measures import SMOG_SENTENCES, smog_grade, smog_sample
from pipeline.sources import PlainLanguageSettings
from pipeline.sources.articles import parse_article, read_article
from tests.conftest import FIXTURES

DEFAULTS = PlainLanguageSettings()


@pytest.fixture(scope="module")
def plain_text():
    return read_article(FIXTURES / "plain_language" / "plain-text-with-steps.md")


@pytest.fixture(scope="module")
def dense_text():
    return read_article(FIXTURES / "plain_language" / "dense-clinical-text.md")


def test_plain_text_with_steps_and_you_raises_no_false_alarm(plain_text):
    card = scorecard(plain_text, DEFAULTS)
    assert card.findings == ()
    assert card.understandability.share == card.actionability.share == 1.0


def test_dense_text_is_flagged_rule_by_rule_with_lines_words_and_advice(dense_text):
    found = {(finding.rule, finding.line, finding.text) for finding in scorecard(dense_text, DEFAULTS).findings}
    assert {
        ("jargon", 9, "dysregulation"), ("jargon", 9, "chronic"), ("jargon", 9, "individuals"),
        ("jargon", 12, "Maladaptive"), ("undefined-abbreviation", 9, "CBT"), ("numbers", 9, "35%"),
        ("numbers", 9, "2–3"), ("numbers", 12, "1.7"), ("no-action", None, "no steps and no sentence telling the "
                                                                           "reader what to do"),
    } <= found
    rules = {rule for rule, _, _ in found}
    assert {"reading-level", "long-sentence", "passive-voice", "no-direct-address"} <= rules
    assert "no-headings" not in rules  # 140 words: short enough to need none


def test_advice_is_concrete(dense_text):
    advice = {finding.text: finding.advice for finding in scorecard(dense_text, DEFAULTS).findings}
    assert advice["35%"] == 'say "about 1 in 3"'
    assert advice["2–3"].startswith('write "from 2 to 3"')
    assert advice["1.7"] == 'round it: "about 2"'
    assert advice["dysregulation"].startswith('say "trouble calming strong feelings" instead')


def test_pemat_shares_count_only_the_items_that_apply(dense_text, plain_text):
    card = scorecard(dense_text, DEFAULTS)
    items = {item.number: item.agree for item in card.understandability.items}
    assert items == {3: False, 4: False, 5: False, 6: False, 8: False, 9: None, 11: None}
    assert card.understandability.share == 0.0
    assert {item.number: item.agree for item in card.actionability.items} == {20: False, 21: False, 22: None}
    assert len(card.for_a_person) >= 6 and all(item.startswith("PEMAT-P ") for item in card.for_a_person)


def test_rules_turned_off_in_the_profile_are_not_reported(dense_text):
    quiet = PlainLanguageSettings(off=("passive-voice", "jargon"))
    rules = {finding.rule for finding in scorecard(dense_text, quiet).findings}
    assert rules and not rules & {"passive-voice", "jargon"}


def test_thresholds_come_from_the_profile(plain_text):
    strict = PlainLanguageSettings(max_sentence_words=8, max_grade=1.0)
    rules = [finding.rule for finding in scorecard(plain_text, strict).findings]
    assert "reading-level" in rules and "long-sentence" in rules


def test_long_text_without_headings_or_summary_is_flagged():
    body = "\n\n".join("You can talk with your partner about the day. Try to listen well." for _ in range(30))
    article = parse_article(f"---\ntitle: Long\n---\n\n{body}\n".encode(), "long.md", "long")
    rules = [(finding.rule, finding.line) for finding in scorecard(article, DEFAULTS).findings]
    assert ("no-headings", 5) in rules and ("no-summary", None) in rules


def test_smog_samples_ten_sentences_from_the_start_middle_and_end():
    sentences = [f"Sentence {n}." for n in range(50)]
    sample = smog_sample(sentences)
    assert sample == sentences[:10] + sentences[20:30] + sentences[40:]
    assert smog_sample(sentences[:SMOG_SENTENCES - 1]) is None
    # McLaughlin's worked figure: 30 polysyllables in the sample -> 3.1291 + 1.0430 * sqrt(30) = 8.8
    assert smog_grade(["Everybody understands immediately."] * 10 + ["Plain words."] * 20) == 8.8


def test_a_short_text_says_it_is_too_short_for_smog(plain_text, seed_article):
    measures = scorecard(plain_text, DEFAULTS).measures
    assert measures.smog is None and measures.smog_note == "too short to score: 7 sentences; SMOG needs 30"
    seed = scorecard(seed_article, DEFAULTS).measures
    assert seed.smog is not None and seed.smog > 8 and seed.smog_note is None
    assert seed.sentences >= 30 and seed.average_sentence_words == round(seed.words / seed.sentences, 1)


def test_spanish_is_scored_on_its_own_scales(spanish_article):
    measures = scorecard(spanish_article, DEFAULTS).measures
    assert measures.smog is None and measures.grade is None
    assert measures.szigriszt_pazos > 55 and measures.inflesz in ("normal", "bastante fácil", "muy fácil")
    assert measures.fernandez_huerta > 60


def test_findings_carry_the_source_file_s_line_numbers(seed_article):
    findings = scorecard(seed_article, DEFAULTS).findings
    lines = (FIXTURES.parent.parent / "sources" / "articles" / "codependency.md").read_text().splitlines()
    for finding in findings:
        if finding.rule in ("long-sentence", "passive-voice"):
            assert finding.text.rstrip("…").split()[0] in lines[finding.line - 1], finding
