"""`serve`: the part of a file an HTTP Range header asks for, so a browser's audio player can seek."""

from __future__ import annotations

import re
from typing import Literal


def byte_range(header: str | None, size: int) -> tuple[int, int] | Literal["unsatisfiable"] | None:
    """The first and last byte a `Range: bytes=…` header asks for (RFC 9110 §14.1.2), "unsatisfiable"
    when it starts past the end, or None to send the whole file (no header, several ranges, or one
    that is not understood: a server may ignore those)."""
    match = re.fullmatch(r"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*", header or "")
    if match is None or not (match[1] or match[2]):
        return None
    if not match[1]:  # bytes=-500: the last 500 bytes
        suffix = int(match[2])
        return (max(0, size - suffix), size - 1) if suffix and size else "unsatisfiable"
    start = int(match[1])
    end = min(int(match[2]), size - 1) if match[2] else size - 1
    if match[2] and int(match[2]) < start:
        return None
    return (start, end) if start < size else "unsatisfiable"
