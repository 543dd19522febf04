"""What both library pages share: inlined, hash-pinned assets and the facts shown per article."""

from __future__ import annotations

import base64
import hashlib

from markupsafe import Markup

from pipeline.audio import Recording
from pipeline.errors import RenderError
from pipeline.language import language_name, listening_time
from pipeline.templating import TEMPLATES

__all__ = ["inline_asset", "language_name", "listening"]


def inline_asset(name: str, closing_tag: str) -> tuple[Markup, str]:
    """A stylesheet or script to inline, and its CSP hash; these are our files, never content."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    if closing_tag in text.lower():
        raise RenderError(f"templates/{name}: must not contain {closing_tag!r}")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def listening(recording: Recording | None, language: str) -> str | None:
    """How long the recording plays, in `language`; None without one: a page states only what
    exists, so an article that is not recorded (no voice for its language, or not built yet) has
    no listening time."""
    return listening_time(recording.duration_ms, language) if recording is not None else None
