"""Import step: what an importer read — the blocks, title, byline and notes — before it is written out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.article import Block
from pipeline.importing.furniture import Removed


@dataclass(frozen=True)
class Draft:
    """What an importer read from a page, before it is written as an article source."""

    blocks: tuple[Block, ...]
    title: str | None = None
    author: str | None = None
    updated: date | None = None
    canonical_url: str | None = None
    removed: tuple[Removed, ...] = ()
    summary: str | None = None  # an export's own excerpt; else the first sentence is used
    tags: tuple[str, ...] = ()
    slug: str | None = None  # an export's own slug, before it is made safe
    notes: tuple[str, ...] = ()  # "review: …" lines for the editor
    language: str | None = None  # as the source declares it: "es-ES", "en-US"…


@dataclass(frozen=True)
class Skipped:
    """A post left out of the import: which one, and why ('draft', 'password-protected', …)."""

    name: str
    reason: str
    titled: bool = True  # `name` is the post's title, shown quoted; else a count such as "47 entries"
