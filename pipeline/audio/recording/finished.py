"""The finished narration: mastered MP3 bytes, captions, chapters and cue timings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any


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


def recording_facts(recording: Recording) -> dict[str, object]:
    """What the manifest keeps of a recording, to make it again without synthesis."""
    return {"duration_ms": recording.duration_ms,
            "chapters": [asdict(chapter) for chapter in recording.chapters],
            "cues": [asdict(cue) for cue in recording.cues]}


def recording_from_facts(facts: Mapping[str, Any], mp3: bytes, captions: str) -> Recording:
    """The recording of an earlier build, made again from its manifest facts and files without synthesis."""
    return Recording(
        mp3=mp3, captions=captions, duration_ms=int(facts["duration_ms"]),
        chapters=tuple(Chapter(**chapter) for chapter in facts["chapters"]),
        cues=tuple(Cue(**cue) for cue in facts["cues"]),
    )
