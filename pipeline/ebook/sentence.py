"""A sentence of the book: its text as shown, and, when the voice reads it, its id and clip."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from pipeline.ebook.inline import markup
from pipeline.sources import Text


@dataclass(frozen=True)
class Sentence:
    """One sentence as shown; `id` and `clip` (start and end in ms) when the voice reads it."""

    text: str
    id: str | None = None
    clip: tuple[int, int] | None = None
    styled: Text = ()  # the article's own spans for it (emphasis, links), when known

    @property
    def html(self) -> Markup:
        return markup(self.styled) if self.styled else escape(self.text)
