"""The narration script read back block by block: each block's segments, paired with their caption cues."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pipeline.audio import Cue, Script
from pipeline.ebook.inline import readable
from pipeline.ebook.parts import Sentence
from pipeline.errors import RenderError


def _words(text: str) -> list[str]:
    """The words, as the captions keep them (an invisible character inside a word is not a break)."""
    return re.findall(r"\w+", readable(text).lower())


class NarratedBlocks:
    """The script's segments, block by block, each with its cue when the recording has one."""

    def __init__(self, script: Script, cues: Sequence[Cue] | None) -> None:
        timed = []
        waiting = list(cues or ())
        for number, segment in enumerate(script.segments, start=1):
            cue = None
            if waiting and (waiting[0].text, waiting[0].block) == (segment.written, segment.block):
                cue = waiting.pop(0)
            timed.append((number, segment, cue))
        if waiting:
            raise RenderError(f"the recording's captions do not follow the narration script (from "
                              f"{waiting[0].text!r}); narrate the article again")
        self.groups: list[list[tuple[int, Any, Cue | None]]] = []  # (number, segment, cue)
        for entry in timed:
            if not self.groups or self.groups[-1][0][1].block != entry[1].block:
                self.groups.append([])
            self.groups[-1].append(entry)

    def take(self, expected: str, where: str) -> list[Sentence] | None:
        """The next block's sentences if the voice reads `expected`; None if it says nothing of it."""
        group = self.groups[0] if self.groups else []
        written = " ".join(segment.written for _n, segment, _c in group)
        if not _words(expected):  # only symbols: read if the narrator kept them ("…"), else shown only
            if not group or _words(written) or any(s.written not in expected for _n, s, _c in group):
                return None
        elif _words(written) != _words(expected):
            found = repr(group[0][1].written[:40]) if group else "nothing more"
            raise RenderError(f"the narration script reads {found} where the book shows {where} "
                              f"{expected[:40]!r}")
        self.groups.pop(0)
        return [_sentence(number, segment.written, cue) for number, segment, cue in group]

    def next_block(self) -> list[Sentence]:
        """The next block's sentences, whatever they are (the spoken byline)."""
        return [_sentence(number, segment.written, cue) for number, segment, cue in self.groups.pop(0)]

    def rest(self) -> list[list[Sentence]]:
        groups = [[_sentence(number, segment.written, cue) for number, segment, cue in group]
                  for group in self.groups]
        self.groups = []
        return groups


def _sentence(number: int, text: str, cue: Cue | None) -> Sentence:
    return Sentence(text, f"s{number}", (cue.start_ms, cue.end_ms) if cue else None)
