"""Import step: which article source already holds a slug, or already holds the page being imported.

An import must never take a slug another source declares (the build would put the import's
text into that article's folder), and a page imported again must update its own draft rather
than start a second one. A source is the same page when it has the same `canonical_url`, or —
for a page or document without one — was imported from the same file (its `# Imported from`
line) and gives the same slug.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import SourceError
from pipeline.sources import MAX_ARTICLE_BYTES, read_limited, split_front_matter

_ORIGIN = re.compile(r"^# Imported from (.+?): review the title", re.MULTILINE)


@dataclass(frozen=True)
class Held:
    """An article source as far as imports care: where it is, its slug, and which page it came from."""

    path: Path
    slug: str
    canonical_url: str | None = None
    origin: str | None = None  # the file it was imported from, as its `# Imported from` line names it
    this_run: bool = False  # written by this import: two posts of one run are never one page


def sources_held(articles_dir: Path) -> list[Held]:
    """Every `*.md` in the folder; one that cannot be read still holds the slug of its file name."""
    held = []
    for path in sorted(articles_dir.glob("*.md")) if articles_dir.is_dir() else ():
        try:
            text = read_limited(path, MAX_ARTICLE_BYTES, "an article").decode("utf-8-sig", errors="replace")
            fields = split_front_matter(text.replace("\r\n", "\n"), str(path)).fields
        except SourceError:
            held.append(Held(path, path.stem))
            continue
        slug = fields.get("slug")
        canonical = fields.get("canonical_url")
        origin = _ORIGIN.search(text[:4000])
        held.append(Held(path, slug if isinstance(slug, str) else path.stem,
                         canonical if isinstance(canonical, str) else None, origin[1] if origin else None))
    return held


def same_page(held: Held, canonical_url: str | None, origin: str, slug: str) -> bool:
    """True when `held` is an earlier import of this page: the same address, or without one the same
    file giving the same slug (or the numbered one it was given, `slug-2`, when that one was taken)."""
    if held.this_run:
        return False
    if canonical_url:
        return held.canonical_url == canonical_url
    if held.canonical_url or held.origin != origin:
        return False  # two saved pages both called index.html are not one page
    return held.slug == slug or re.fullmatch(rf"{re.escape(slug)}-\d+", held.slug) is not None


def holder_of(held: list[Held], slug: str) -> Held | None:
    """The source that declares `slug`, or whose file name is `<slug>.md`."""
    return next((source for source in held if source.slug == slug or source.path.stem == slug), None)
