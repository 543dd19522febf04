"""Captions step: WebVTT with one cue per spoken sentence, timed from the synthesized audio."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from pipeline.audio.recording.finished import Cue

LINE_CHARS = 65  # longest caption line; longer sentences wrap onto more lines of the same cue


def timestamp(ms: int) -> str:
    """61_234 -> '00:01:01.234'."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def caption_lines(text: str) -> list[str]:
    """The sentence wrapped at word boundaries into lines of at most LINE_CHARS characters."""
    lines = textwrap.wrap(" ".join(text.split()), LINE_CHARS, break_on_hyphens=False)
    return [_escape(line) for line in lines]


def _escape(line: str) -> str:
    # WebVTT cue text is markup: a literal "&", "<" or ">" (as in "-->") must be escaped.
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(cues: Sequence[Cue]) -> str:
    """The captions file: a header, then each cue numbered, timed and wrapped."""
    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, start=1):
        lines = caption_lines(cue.text)
        if lines:
            blocks.append("\n".join([str(number), f"{timestamp(cue.start_ms)} --> {timestamp(cue.end_ms)}",
                                     *lines]))
    return "\n\n".join(blocks) + "\n"
