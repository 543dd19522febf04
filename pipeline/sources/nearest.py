"""Reading step: the known key nearest to a mistyped one, for the message that refuses it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(typed: str, known: Iterable[str]) -> str:
    """"; did you mean 'phone'?" for "phnoe", or "" when no known key is near enough to guess."""
    close = difflib.get_close_matches(typed.lower(), list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
