"""What both library pages share: inlined, hash-pinned assets and the facts shown per article."""

from __future__ import annotations

import base64
import hashlib

from markupsafe import Markup

from pipeline.audio import Recording, narration_script
from pipeline.errors import RenderError
from pipeline.sources import Article, Practice, listening_time
from pipeline.templates import TEMPLATES

# Languages an article may be written in, named in their own words; any other shows its code.
LANGUAGES = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch", "pt": "Português",
             "it": "Italiano", "vi": "Tiếng Việt", "zh": "中文", "ko": "한국어", "ar": "العربية",
             "ru": "Русский", "tl": "Tagalog", "ht": "Kreyòl ayisyen", "pl": "Polski", "ja": "日本語"}


def inline_asset(name: str, closing_tag: str) -> tuple[Markup, str]:
    """A stylesheet or script to inline, and its CSP hash; these are our files, never content."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    if closing_tag in text.lower():
        raise RenderError(f"templates/{name}: must not contain {closing_tag!r}")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def language_name(code: str) -> str:
    return LANGUAGES.get(code.split("-")[0].lower(), code)


def listening(article: Article, recording: Recording | None, practice: Practice) -> str | None:
    """How long the recording plays; before it is recorded, the estimate from the script."""
    if recording is not None:
        return listening_time(recording.duration_ms)
    estimate = listening_time(narration_script(article, practice).estimated_ms(practice.speech.speaking_rate))
    return estimate if estimate.startswith("under") else f"about {estimate}"
