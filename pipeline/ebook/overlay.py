"""Overlay step: each content document's sentences and their clips of the recording, as SMIL timings.

A reading app plays the clips in order and highlights the sentence each belongs to. The clips are
the caption cues themselves. Each document's overlay covers its stretch of the recording, pauses
included, from where its first sentence starts to where the next document's first sentence starts
(the first from the beginning, the last to the end), so the overlays' durations add up to the
recording's length exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.ebook.reading import Sentence


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
    timed = [(name, tuple(Clip(s.id, *s.clip) for s in sentences if s.id and s.clip))
             for name, sentences in documents]
    timed = [(name, clips) for name, clips in timed if clips]
    starts = [0, *(clips[0].begin_ms for _name, clips in timed[1:]), duration_ms]
    return tuple(Overlay(name, clips, end - start)
                 for (name, clips), start, end in zip(timed, starts, starts[1:], strict=False))
