"""The finished narration: mastered MP3 bytes, captions, chapters and cue timings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chapter:
    title: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class Cue:
    """One caption: a sentence and when it is spoken; `block` as in `Segment.block`."""

    start_ms: int
    end_ms: int
    text: str
    block: int


@dataclass(frozen=True)
class Recording:
    mp3: bytes
    captions: str  # WebVTT
    duration_ms: int
    chapters: tuple[Chapter, ...]
    cues: tuple[Cue, ...]
