"""The narration script's shape: what the voice says, one sentence a segment, with pauses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SegmentKind = Literal["title", "heading", "sentence", "item", "stamp"]


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

    def chapter_titles(self) -> tuple[str, ...]:
        """Chapter titles in order of first appearance."""
        seen: dict[str, None] = {}
        for segment in self.segments:
            seen.setdefault(segment.chapter, None)
        return tuple(seen)
