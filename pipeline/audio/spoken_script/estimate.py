"""How long an article's narration will run, estimated without writing its script.

Cheap on purpose (characters and sentence ends, no sentence splitting): the build's limits use it
to refuse even a whole website pasted as one article in a moment, and the library pages show it
for articles not recorded yet. It comes within a few per cent of the script's own estimate.
"""

from __future__ import annotations

import re

from pipeline.article import Article, body_text
from pipeline.audio.spoken_script.script import SECONDS_PER_CHARACTER, SECONDS_PER_SENTENCE
from pipeline.sources import Practice
from pipeline.stamp import stamp_text

SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*(?=\s|$)")


def rough_listening_ms(article: Article, practice: Practice) -> int:
    """About how long the narration will run: the script's estimate without writing the script."""
    speech = practice.speech
    text = "\n".join((article.title, body_text(article), stamp_text(practice)))
    lines = [line for line in text.splitlines() if line.strip()]
    sentences = sum(max(1, len(SENTENCE_END.findall(line))) for line in lines)
    spoken = (len(text) * SECONDS_PER_CHARACTER + sentences * SECONDS_PER_SENTENCE) / speech.speaking_rate
    pauses = (sentences * speech.sentence_pause_ms
              + len(lines) * (speech.paragraph_pause_ms - speech.sentence_pause_ms)) / 1000
    return round((spoken + pauses) * 1000)
