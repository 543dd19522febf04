"""What both library pages share: inlined, hash-pinned assets and the facts shown per article."""

from __future__ import annotations

import base64
import hashlib

from markupsafe import Markup

from pipeline.article import Article
from pipeline.audio import Recording, rough_listening_ms
from pipeline.errors import RenderError
from pipeline.language import language_name, listening_time, phrases
from pipeline.sources import Practice
from pipeline.templating import TEMPLATES

__all__ = ["inline_asset", "language_name", "listening"]


def inline_asset(name: str, closing_tag: str) -> tuple[Markup, str]:
    """A stylesheet or script to inline, and its CSP hash; these are our files, never content."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    if closing_tag in text.lower():
        raise RenderError(f"templates/{name}: must not contain {closing_tag!r}")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def listening(article: Article, recording: Recording | None, practice: Practice,
              language: str | None = None) -> str | None:
    """How long the recording plays; before it is recorded, a quick estimate (no script is
    written for a page, so a huge article costs no more than a small one).

    In `language` (the page's), or else the article's."""
    language = language or article.language
    if recording is not None:
        return listening_time(recording.duration_ms, language)
    estimate_ms = rough_listening_ms(article, practice)
    estimate = listening_time(estimate_ms, language)
    _ = phrases(language)
    return estimate if estimate_ms < 45_000 else _("about {length}").format(length=estimate)
