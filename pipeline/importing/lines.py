"""Import step: copied page text as numbered lines, and which of them are list items."""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"([•◦○▪▫‣∙●■□·*+\-–])\s+(\S.*)")
SUB_BULLET = "◦○▫"
NUMBER = re.compile(r"(\d{1,3})([.)])\s+(?:\1[.)]\s+)?(\S.*)")  # also "3. 3. Item", doubled by a copy-paste


@dataclass(frozen=True)
class Line:
    number: int
    indent: int
    text: str


def page_lines(text: str) -> list[Line]:
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.replace("\t", "    ").replace("\u00ad", "").replace("\u200b", "")
        stripped = " ".join(raw.split())  # also turns no-break spaces into plain ones
        out.append(Line(number, len(raw) - len(raw.lstrip()), stripped))
    return out


def list_line(line: Line) -> tuple[str, int, str] | None:
    """('bullet'|'number', number or 0, item text) for a list line."""
    if match := NUMBER.fullmatch(line.text):
        return "number", int(match[1]), match[3]
    if match := BULLET.fullmatch(line.text):
        return "bullet", 1 if match[1] in SUB_BULLET else 0, match[2]
    return None
