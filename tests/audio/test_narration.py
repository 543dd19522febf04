"""Narration step: the script the voice reads, checked against the article it came from."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError

import pytest

from pipeline.article.model import Article
from pipeline.article.text import body_text
from pipeline.audio.spoken_script.narration import join_places, narration_script, sentences, with_full_stop
from pipeline.audio.spoken_script.script import Script, Segment, format_script
from pipeline.sources.articles import parse_article
from pipeline.sources.practice import Practice
from tests.conftest import SEED_HEADINGS

SEED_CHAPTERS = ("Introduction", *SEED_HEADINGS, "About Your Practice Name")

EVERY_BLOCK = """\
---
title: Getting Ready for Your First Session
slug: first-session
summary: What to bring and what to expect.
updated: 2025-03-14
---

Welcome! 🙂 Dr. Lee will meet you at 3:30 p.m. Sessions cost $150.

## Before you come

1. Fill in the form at <https://www.example.com/forms/intake-2025?id=7>
2. Bring your insurance card
   - front and back
   - a photo is fine

> “Take a breath. You belong here.”

---

### Our hours

| Day | Hours |
| --- | --- |
| Mon–Fri | 9 a.m.–5 p.m. |
| Saturday | closed |

```
Breathe in for 4
Breathe out for 6
```

Questions? Write to [our front desk](mailto:desk@example.com).

## Introduction

🌿
"""


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("’", "'").replace("'", "").lower())


def _with(practice: Practice, **speech: int) -> Practice:
    return practice.model_copy(update={"speech": practice.speech.model_copy(update=speech)})


@pytest.fixture(scope="module")
def every_block() -> Article:
    return parse_article(EVERY_BLOCK.encode(), "every-block.md", default_slug="first-session")


@pytest.fixture(scope="module")
def seed_script(seed_article: Article, practice: Practice) -> Script:
    return narration_script(seed_article, practice)


def test_seed_script_matches_its_golden_listing(seed_script: Script, golden) -> None:
    golden("codependency.script.txt", format_script(seed_script))


def test_seed_chapters_are_introduction_each_section_and_the_practice(seed_script: Script) -> None:
    assert seed_script.chapter_titles() == SEED_CHAPTERS
    chapters = [segment.chapter for segment in seed_script.segments]
    runs = [chapter for index, chapter in enumerate(chapters) if index == 0 or chapters[index - 1] != chapter]
    assert runs == list(SEED_CHAPTERS), "each chapter is one unbroken stretch"


def test_seed_script_opens_with_title_then_practice_then_the_crisis_line(seed_script: Script,
                                                                         practice: Practice) -> None:
    first, second, third = seed_script.segments[:3]
    assert (first.kind, first.spoken) == ("title", "What Does It Really Mean to Be Codependent?")
    assert second.spoken == "An audio handout from Your Practice Name."
    assert (third.written, third.spoken) == ("If you are in crisis, call or text 988.",
                                             "If you are in crisis, call or text 9 8 8.")
    assert second.block == third.block and third.chapter == "Introduction"
    assert first.pause_after_ms == third.pause_after_ms == practice.speech.heading_pause_ms


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_crisis_line_is_said_within_thirty_seconds_and_the_full_notice_still_ends_it(
        seed_article: Article, practice: Practice, language: str) -> None:
    """A listener in crisis hears 988 in the first seconds, not after the whole article."""
    import dataclasses

    article = dataclasses.replace(seed_article, language=language)
    script = narration_script(article, practice)
    first_988 = next(n for n, s in enumerate(script.segments) if "988" in s.written)
    opening = Script(script.slug, script.title, language, script.segments[:first_988 + 1])
    assert opening.estimated_ms() < 30_000
    assert script.segments[first_988].chapter == script.segments[0].chapter  # the first chapter
    notice = practice.notices_in(language).crisis
    assert sum("988" in s.written for s in script.segments) >= 2
    assert any(s.written in notice for s in script.segments[first_988 + 1:] if "988" in s.written), \
        "the full notice is kept in the stamp at the end"


def test_nothing_in_the_article_is_dropped(seed_article: Article, seed_script: Script) -> None:
    body = [segment for segment in seed_script.segments if segment.kind in ("heading", "sentence", "item")]
    read = _words(" ".join(segment.written for segment in body))
    position = 0
    for line in body_text(seed_article).splitlines():
        expected = _words(line)
        found = next((i for i in range(position, len(read)) if read[i:i + len(expected)] == expected), None)
        assert found is not None, f"not read, or out of order: {line!r}"
        position = found + len(expected)
    heard = [w for w in _words(" ".join(s.written for s in body)) if not w.isdigit()]
    assert len(heard) == len([w for w in _words(body_text(seed_article)) if not w.isdigit()]) + 4, \
        "only the heading 'About Your Practice Name' comes on top of the body's words"


def test_no_markdown_symbols_or_raw_addresses_are_spoken(seed_script: Script, every_block: Article,
                                                          practice: Practice) -> None:
    for segment in (*seed_script.segments, *narration_script(every_block, practice).segments):
        assert not re.search(r"[*#`_|<>\[\]{}“”\"…—–@/\\]|https?|www|\.com", segment.spoken), segment.spoken
        assert not re.search(r"\d\d", segment.spoken), f"numbers are words or single digits: {segment.spoken}"


def test_every_segment_ends_as_a_sentence_or_a_clause(seed_script: Script) -> None:
    for segment in seed_script.segments:
        assert segment.spoken[-1] in ".?!:" or segment.pause_after_ms < 350, segment.spoken


def test_outro_is_the_spoken_stamp(seed_script: Script, practice: Practice) -> None:
    outro = [segment for segment in seed_script.segments if segment.chapter == "About Your Practice Name"]
    said = " ".join(segment.spoken for segment in outro)
    assert ("Arizona, Florida, North Carolina, South Carolina, Tennessee, Texas, Utah, Vermont and Virginia"
            in said)
    for state in practice.services.virtual_state_names:
        assert state in said
    assert "in person in Charlotte, North Carolina, and Carefree, Arizona." in said
    assert "call 7 0 4, 5 5 5, 0 1 2 3." in said
    assert "e mail hello at example dot com, or visit example dot com." in said
    assert "We reply within one business day, Monday to Friday." in said
    assert "call or text 9 8 8 to reach the 9 8 8 Suicide and Crisis Lifeline" in said
    assert "twenty-four hours a day, seven days a week" in said
    assert "In an emergency, call 9 1 1." in said
    assert "not a substitute for therapy or medical advice." in said
    assert "not monitored for emergencies." in said
    assert outro[-1].spoken == "Thank you for listening."
    assert {segment.kind for segment in outro} == {"heading", "stamp"}
    written = " ".join(segment.written for segment in outro)
    assert "(704) 555-0123" in written and "hello@example.com" in written and "988" in written


def test_pauses_come_from_the_profile(short_article: Article, practice: Practice) -> None:
    slow = _with(practice, sentence_pause_ms=500, paragraph_pause_ms=1000, heading_pause_ms=2000)
    segments = narration_script(short_article, slow).segments
    by_text = {segment.spoken: segment for segment in segments}
    assert by_text["Worry often gets louder at night."].pause_after_ms == 500
    assert by_text["What helps?"].pause_after_ms == 2000
    assert by_text["Doctor Lee says that is normal."].pause_after_ms == 2000, "longer before a heading"
    assert by_text["Write the worry down."].pause_after_ms == 1000
    assert segments[-1].pause_after_ms == 0, "the recording ends on the last word"
    for before, heading in zip(segments, segments[1:], strict=False):
        if heading.kind == "heading":
            assert before.pause_after_ms == 2000 and heading.pause_after_ms == 2000


def test_short_article_reads_naturally(short_article: Article, practice: Practice) -> None:
    spoken = [segment.spoken for segment in narration_script(short_article, practice).segments]
    assert spoken[3:8] == [
        "Worry often gets louder at night.",
        "Doctor Lee says that is normal.",
        "What helps?",
        "Write the worry down.",
        "Get up if you can't sleep after twenty minutes.",
    ]


def test_blocks_number_paragraphs_and_items(short_article: Article, practice: Practice) -> None:
    segments = narration_script(short_article, practice).segments
    blocks = [segment.block for segment in segments]
    assert blocks == sorted(blocks) and blocks[0] == 1
    paragraph = [s for s in segments if s.spoken.startswith(("Worry", "Doctor"))]
    assert paragraph[0].block == paragraph[1].block
    items = [s for s in segments if s.kind == "item"]
    assert len(items) == 2 and items[0].block != items[1].block


def test_every_kind_of_block_is_read(every_block: Article, practice: Practice) -> None:
    script = narration_script(every_block, practice)
    spoken = [segment.spoken for segment in script.segments]
    written = [segment.written for segment in script.segments]
    assert "Doctor Lee will meet you at three thirty P M." in spoken
    assert "Sessions cost one hundred fifty dollars." in spoken
    assert "Welcome!" in written, "emoji are not shown in captions"
    assert "First, fill in the form at example dot com." in spoken, "an address is one sentence"
    assert "1. Fill in the form at https://www.example.com/forms/intake-2025?id=7" in written
    assert "Second, bring your insurance card." in spoken
    assert "front and back." in spoken and "a photo is fine." in spoken
    assert "Quote: Take a breath." in spoken and "You belong here. End quote." in spoken
    assert "“Take a breath." in written and "You belong here.”" in written
    assert "Our hours." in spoken
    assert "Day: Monday to Friday; Hours: nine A M to five P M." in spoken
    assert "Day: Saturday; Hours: closed." in spoken
    assert "Breathe in for four." in spoken and "Breathe out for six." in spoken
    assert "Write to our front desk." in spoken
    assert script.chapter_titles() == ("Introduction", "Before you come", "Introduction (2)",
                                       "About Your Practice Name")
    assert not any(s.chapter == "Introduction (2)" and s.kind != "heading" for s in script.segments), \
        "an emoji-only paragraph says nothing"
    rule = script.segments[spoken.index("You belong here. End quote.")]
    assert rule.pause_after_ms == practice.speech.heading_pause_ms, "a rule is a longer pause"


def test_pronunciations_apply_everywhere(seed_article: Article, practice: Practice) -> None:
    table = {"codependent": "co dependent", "Practice": "Practiss"}
    script = narration_script(seed_article, practice.model_copy(update={"pronunciations": table}))
    assert script.segments[0].spoken == "What Does It Really Mean to Be co dependent?"
    assert script.segments[1].spoken == "An audio handout from Your Practiss Name."
    assert not any(re.search(r"\bcodependent\b", s.spoken, re.IGNORECASE) for s in script.segments)
    assert script.segments[0].written == "What Does It Really Mean to Be Codependent?"


def test_long_sentences_are_split_at_a_clause(seed_script: Script, practice: Practice) -> None:
    assert max(len(segment.written) for segment in seed_script.segments) <= 200
    parts = [s for s in seed_script.segments if s.written.startswith(("I can still see", "sobbing as"))]
    assert [p.written for p in parts] == [
        "I can still see her sitting across from me in that cramped university office, tears streaming "
        "down her face,",
        "sobbing as she described the way he was withdrawing from the relationship, even though they had "
        "a young son together.",
    ]
    assert parts[0].pause_after_ms == practice.speech.sentence_pause_ms // 2
    assert parts[0].block == parts[1].block


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two? Three!", [("One.", True), ("Two?", True), ("Three!", True)]),
        ("Dr. Lee is here. Come in.", [("Dr. Lee is here.", True), ("Come in.", True)]),
        ("“I want it. I need it.”", [("“I want it.", True), ("I need it.”", True)]),
        ("Mail a.b@example.com! Or see https://example.com/x?y=1 now.",
         [("Mail a.b@example.com!", True), ("Or see https://example.com/x?y=1 now.", True)]),
        ("no stop at all", [("no stop at all", True)]),
    ],
    ids=["plain", "abbreviation", "quoted-sentences", "addresses-not-cut", "no-stop"],
)
def test_sentences(text: str, expected: list[tuple[str, bool]]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Write it down", "Write it down."), ("Done.", "Done."), ("Why?", "Why?"),
     ("She said “no.”", "She said “no.”"), ("like:", "like:"), ("and then;", "and then.")],
    ids=["added", "kept", "question", "inside-quote", "colon-kept", "semicolon-replaced"],
)
def test_with_full_stop(text: str, expected: str) -> None:
    assert with_full_stop(text) == expected


@pytest.mark.parametrize(
    ("places", "expected"),
    [((), ""), (("Charlotte, North Carolina",), "Charlotte, North Carolina"),
     (("Charlotte, North Carolina", "Carefree, Arizona"), "Charlotte, North Carolina, and Carefree, Arizona"),
     (("Online", "Phone"), "Online and Phone")],
    ids=["none", "one", "cities-need-a-comma", "plain-pair"],
)
def test_join_places(places: tuple[str, ...], expected: str) -> None:
    assert join_places(places) == expected


def test_script_is_a_pure_frozen_value(seed_article: Article, practice: Practice, seed_script: Script) -> None:
    assert narration_script(seed_article, practice) == seed_script
    with pytest.raises(FrozenInstanceError):
        seed_script.segments[0].spoken = "changed"  # type: ignore[misc]


def test_listing_shows_both_texts_where_they_differ(seed_script: Script) -> None:
    listing = format_script(seed_script)
    assert listing.startswith("What Does It Really Mean to Be Codependent?\ncodependency (en): ")
    assert f"{len(seed_script.segments)} segments, 9 chapters" in listing
    assert "== Chapter 9: About Your Practice Name ==" in listing
    call = listing.index("call 7 0 4, 5 5 5, 0 1 2 3.")
    assert "page: To book a session or ask a question, call (704) 555-0123." in listing[call:call + 200]
    assert "page: I saw a lovely" not in listing, "identical wording is not repeated"


def test_outro_without_in_person_locations(short_article: Article, practice: Practice) -> None:
    online_only = practice.model_copy(
        update={"services": practice.services.model_copy(update={"in_person": (), "virtual_states": ("NC",)})})
    said = [s.spoken for s in narration_script(short_article, online_only).segments if s.kind == "stamp"]
    assert "We offer virtual sessions to clients in North Carolina." in said
    assert not any("in person" in line for line in said)


def test_scripts_made_at_once_in_threads_are_identical(seed_article, practice):
    from concurrent.futures import ThreadPoolExecutor

    alone = narration_script(seed_article, practice)
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda _: narration_script(seed_article, practice), range(8)))
    assert all(script == alone for script in together)


def test_length_is_estimated_from_the_characters_spoken_the_sentences_and_the_pauses() -> None:
    script = Script("s", "S", "en", (
        Segment("a" * 100, "a" * 100, "sentence", "Introduction", 0, 700),
        Segment("b" * 40, "b" * 40, "sentence", "Introduction", 1, 300),
    ))
    speech = 0.051 * 140 + 2 * 0.30  # 7.74 s
    assert script.estimated_ms() == round((speech + 1.0) * 1000)
    assert script.estimated_ms(speaking_rate=0.8) == round((speech / 0.8 + 1.0) * 1000)  # pauses stay


def test_the_listing_gives_the_estimated_length(seed_script: Script) -> None:
    seconds = round(seed_script.estimated_ms() / 1000)
    assert f"about {seconds // 60} min {seconds % 60:02d} s" in format_script(seed_script).splitlines()[1]
