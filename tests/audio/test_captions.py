"""Captions: WebVTT layout, timestamps, wrapping at 65 characters and escaping."""

from __future__ import annotations

import html
import re

import pytest

from pipeline.audio.recording.captions import LINE_CHARS, caption_lines, timestamp, webvtt
from pipeline.audio.recording.finished import Cue

LONG = ("When we buy into the idea that we are too needy, we run the risk of denying our appropriate "
        "attachment needs and longings, which keeps us in a state of disappointment, anxiety, and anger.")


@pytest.mark.parametrize(("ms", "expected"), [
    (0, "00:00:00.000"),
    (999, "00:00:00.999"),
    (61_234, "00:01:01.234"),
    (3_600_000, "01:00:00.000"),
    (3 * 3_600_000 + 59 * 60_000 + 59_999, "03:59:59.999"),
], ids=["zero", "under-a-second", "minute", "hour", "hours"])
def test_timestamp(ms, expected):
    assert timestamp(ms) == expected


@pytest.mark.parametrize("text", [
    LONG,
    "Short sentence.",
    "A " + "very-long-hyphenated-compound-word-that-goes-on " * 3 + "end.",
    "Visit https://www.example.com/a/really/long/address/that/keeps/going/and/going/on-and-on for more.",
], ids=["long-sentence", "short", "hyphens", "long-address"])
def test_lines_are_at_most_65_characters_and_keep_every_character(text):
    lines = [html.unescape(line) for line in caption_lines(text)]
    assert all(len(line) <= LINE_CHARS for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # an overlong address is broken, not lost


def test_long_sentence_wraps_at_words():
    lines = caption_lines(LONG)
    assert len(lines) == 3
    assert " ".join(lines).split() == LONG.split()
    assert lines[0] == "When we buy into the idea that we are too needy, we run the risk"


def test_markup_characters_are_escaped():
    assert caption_lines("Tom & Jerry <3 --> always") == ["Tom &amp; Jerry &lt;3 --&gt; always"]


def test_file_has_one_numbered_cue_per_sentence_in_order():
    cues = (Cue(0, 1200, "Sleep and Worry", 0), Cue(2300, 4100, "Worry often gets louder at night.", 1),
            Cue(4450, 9000, LONG, 2))
    text = webvtt(cues)
    assert text.startswith("WEBVTT\n\n")
    blocks = text.strip().split("\n\n")[1:]
    assert len(blocks) == 3
    assert blocks[1] == "2\n00:00:02.300 --> 00:00:04.100\nWorry often gets louder at night."
    times = re.findall(r"^(\S+) --> (\S+)$", text, re.M)
    assert times == [("00:00:00.000", "00:00:01.200"), ("00:00:02.300", "00:00:04.100"),
                     ("00:00:04.450", "00:00:09.000")]
    assert blocks[2].count("\n") == 1 + len(caption_lines(LONG))


def test_empty_sentence_gets_no_cue():
    text = webvtt((Cue(0, 10, "  ", 0), Cue(10, 500, "Hello.", 1)))
    assert text == "WEBVTT\n\n2\n00:00:00.010 --> 00:00:00.500\nHello.\n"
