"""`approve`: a person has read an imported draft through; its draft mark and review items are cleared.

Only the two front matter fields go (`status:` and the `review_items:` list); every other line of
the file is left as the editor wrote it. An article whose shape is still wrong (an empty heading,
a banner for a title) is not approved: `check` names what to fix first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.article import Article
from pipeline.errors import SourceError
from pipeline.output import write_atomic
from pipeline.settings import Settings
from pipeline.sources import DRAFT_NOTE, article_structure, parse_article, read_library

_CLEARED_KEYS = re.compile(r"(?:status|review_items)\s*:")


@dataclass(frozen=True)
class Approved:
    slug: str
    source: str
    items: int  # review items cleared
    was_draft: bool

    def line(self) -> str:
        if not self.was_draft and not self.items:
            return f"{self.slug}: nothing to approve; {self.source} is not a draft and has no review items"
        items = f"{self.items} review item{'s' if self.items != 1 else ''}"
        return f"approved {self.slug}: cleared the draft mark and {items} in {self.source}"


def approve(settings: Settings, slugs: tuple[str, ...]) -> list[Approved]:
    """Approve each named article; nothing is written unless every one of them can be approved."""
    library = read_library(settings.articles_dir)
    by_slug = {article.slug: article for article in library.articles}
    problems = [f"{settings.articles_dir}: no article with slug {slug!r} that reads cleanly "
                f"(known: {', '.join(sorted(by_slug)) or 'none'}); `check` names what is wrong"
                for slug in slugs if slug not in by_slug]
    for slug in slugs:
        if slug in by_slug:
            problems += [f"{by_slug[slug].source}: {finding.where}: {finding.message} (fix it before approving)"
                         for finding in article_structure(by_slug[slug]) if finding.error]
    if problems:
        raise SourceError(*problems)
    done = []
    for slug in dict.fromkeys(slugs):
        article = by_slug[slug]
        if article.is_draft or article.import_findings:
            path = Path(article.source)
            text = approved_text(path.read_text(encoding="utf-8-sig"))
            parse_article(text.encode(), article.source, path.stem)  # still reads, or nothing is written
            write_atomic(path, text)
        done.append(_approved(article))
    return done


def _approved(article: Article) -> Approved:
    return Approved(article.slug, article.source, len(article.import_findings), article.is_draft)


def approved_text(text: str) -> str:
    """The article source without its `status:` line, `review_items:` list and the importer's draft note,
    all else as written."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return text
    end = next((index for index in range(1, len(lines)) if lines[index].rstrip() in ("---", "...")), None)
    if end is None:
        return text
    kept, dropping = [], False
    for line in lines[1:end]:
        if line[:1] not in (" ", "\t", "-", "#", "\n", "\r", ""):  # a top-level key starts here
            dropping = bool(_CLEARED_KEYS.match(line))
        if line.startswith(DRAFT_NOTE):
            continue  # the importer's "a draft until approved" note goes with the mark
        if not dropping or line.startswith("#"):  # the editor's comments stay
            kept.append(line)
    return "".join([lines[0], *kept, *lines[end:]])
