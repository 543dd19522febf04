"""Overlay step: each content document's sentences and their clips of the recording, as SMIL timings.

A reading app plays the clips in order and highlights the sentence each belongs to. A clip starts
where the sentence's caption cue starts and lasts until the next sentence starts (the last until
the recording ends): the pause after a sentence is part of its clip. Reading apps skip what lies
between two clips, so clips that end with the cue would run the sentences together; these tile the
recording, which plays as it was mastered, and each overlay's duration is the sum of its clips,
the overlays' durations adding up to the recording's length exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.ebook.parts import Sentence


@dataclass(frozen=True)
class Clip:
    """One `par`: the sentence's element id and where it is spoken, in ms."""

    id: str
    begin_ms: int
    end_ms: int

    @property
    def begin(self) -> str:
        return clock(self.begin_ms)

    @property
    def end(self) -> str:
        return clock(self.end_ms)


@dataclass(frozen=True)
class Overlay:
    """One content document's overlay: its clips in document order and the stretch it covers."""

    document: str  # the content document's file name, e.g. "article.xhtml"
    clips: tuple[Clip, ...]
    duration_ms: int

    @property
    def id(self) -> str:
        """The overlay's manifest id: 'article.xhtml' -> 'article-overlay'."""
        return self.document.removesuffix(".xhtml") + "-overlay"

    @property
    def section(self) -> str:
        """The id of the content document's section that the overlay reads."""
        return self.document.removesuffix(".xhtml") + "-text"

    @property
    def href(self) -> str:
        return self.document.removesuffix(".xhtml") + ".smil"

    @property
    def duration(self) -> str:
        return clock(self.duration_ms)


def clock(ms: int) -> str:
    """61_234 -> '0:01:01.234', a SMIL full clock value (as media:duration takes it too)."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def overlays(documents: Sequence[tuple[str, Sequence[Sentence]]], duration_ms: int) -> tuple[Overlay, ...]:
    """The overlays of the documents (name, sentences in document order) that hold spoken sentences."""
    spoken = [(name, sentence.id, sentence.clip[0]) for name, sentences in documents
              for sentence in sentences if sentence.id and sentence.clip]
    ends = [begin for _name, _id, begin in spoken[1:]] + [duration_ms]
    found: dict[str, list[Clip]] = {}
    for (name, sentence, begin), end in zip(spoken, ends, strict=True):
        found.setdefault(name, []).append(Clip(sentence, begin, end))
    # The recording starts with the title: the first clip starts at its beginning.
    return tuple(Overlay(name, tuple(clips), sum(clip.end_ms - clip.begin_ms for clip in clips))
                 for name, clips in found.items())
