"""The narration script: what the voice says, one sentence a segment, with pauses; and as a reviewer reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

SegmentKind = Literal["title", "heading", "sentence", "item", "stamp"]

# How long the default voice takes to say a sentence, fitted over the seed article's 87 sentences
# (root-mean-square error 0.5 s a sentence, under 1 % over the whole recording).
SECONDS_PER_CHARACTER = 0.051
SECONDS_PER_SENTENCE = 0.30  # the breath Piper leaves around each sentence


@dataclass(frozen=True)
class Segment:
    """One sentence to speak.

    `spoken` is normalised for the voice ("call or text 9 8 8"); `written` is the sentence as a
    reader sees it, used for captions and the read-along view. `block` numbers the paragraph,
    heading or list item it came from, so captions can be grouped back into paragraphs.
    """

    spoken: str
    written: str
    kind: SegmentKind
    chapter: str
    block: int
    pause_after_ms: int


@dataclass(frozen=True)
class Script:
    slug: str
    title: str
    language: str
    segments: tuple[Segment, ...]

    def estimated_ms(self, speaking_rate: float = 1.0) -> int:
        """How long the recording will be, before any sentence is spoken: speech plus pauses."""
        speech = sum(SECONDS_PER_CHARACTER * len(s.spoken) + SECONDS_PER_SENTENCE for s in self.segments)
        pauses = sum(segment.pause_after_ms for segment in self.segments) / 1000
        return round((speech / speaking_rate + pauses) * 1000)

    def chapter_titles(self) -> tuple[str, ...]:
        """Chapter titles in order of first appearance."""
        seen: dict[str, None] = {}
        for segment in self.segments:
            seen.setdefault(segment.chapter, None)
        return tuple(seen)


def format_script(script: Script, speaking_rate: float = 1.0) -> str:
    """The script as a reviewer reads it: chapters, one numbered line a sentence, the pauses.

    Where the voice says something other than the page (numbers, addresses, "Quote:"), the
    written text follows on its own line, so both can be checked.
    """
    seconds = round(script.estimated_ms(speaking_rate) / 1000)
    chapters = script.chapter_titles()
    lines = [
        script.title,
        f"{script.slug} ({script.language}): {len(script.segments)} segments, {len(chapters)} chapters, "
        f"about {seconds // 60} min {seconds % 60:02d} s",
    ]
    chapter = block = None
    for number, segment in enumerate(script.segments, start=1):
        if segment.chapter != chapter:
            chapter = segment.chapter
            lines += ["", f"== Chapter {chapters.index(chapter) + 1}: {chapter} =="]
        if segment.block != block:
            block = segment.block
            lines.append("")
        lines.append(f"{number:4d}  {segment.kind:<8}  {segment.spoken}  [{segment.pause_after_ms / 1000:.2f} s]")
        if _words(segment.written) != _words(segment.spoken):
            lines.append(f"{'':14}  page: {segment.written}")
    return "\n".join(lines) + "\n"


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.replace("’", "'").replace("'", "").lower()))
