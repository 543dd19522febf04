"""Clinical review and editions: who reviewed an article and when, when it is due again, which edition it is.

A review date is a fact of the article; whether it is due depends on today, so `review_status` takes
the day and only `check` and the library page's staff view ask it. The edition mark is what a
handout carries so a practice can tell which version a client was given.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pipeline.article import Article, body_text
from pipeline.language import long_date, translations

ReviewStatus = Literal["current", "due", "overdue", "unreviewed"]
DIGEST_CHARS = 7


def next_review(article: Article, every_years: int) -> date | None:
    """The front matter's `next_review`, else `reviewed_on` plus `every_years` (29 February -> 28)."""
    if article.next_review or not article.reviewed_on:
        return article.next_review
    reviewed = article.reviewed_on
    year = reviewed.year + every_years
    try:
        return reviewed.replace(year=year)
    except ValueError:
        return reviewed.replace(year=year, day=28)


def review_status(article: Article, every_years: int, warn_days: int, today: date) -> ReviewStatus:
    """'unreviewed', 'overdue' (past the next review), 'due' (within `warn_days` of it) or 'current'."""
    due = next_review(article, every_years)
    if not article.reviewed_by or due is None:
        return "unreviewed"
    if today > due:
        return "overdue"
    return "due" if today >= due - timedelta(days=warn_days) else "current"


def review_line(article: Article) -> str | None:
    """'Reviewed by Jane Doe, LCSW, on March 3, 2025', in the article's language; None if unreviewed."""
    if not article.reviewed_by or not article.reviewed_on:
        return None
    phrase = translations(article.language).gettext("Reviewed by {reviewer}, on {date}")
    return phrase.format(reviewer=article.reviewed_by, date=long_date(article.reviewed_on, article.language))


@dataclass(frozen=True)
class EditionMark:
    """'2025-08-04 · 3f9a2c1': the article's date and a digest of its words."""

    day: date | None
    digest: str

    def __str__(self) -> str:
        return f"{self.day.isoformat()} · {self.digest}" if self.day else self.digest


def edition_mark(article: Article) -> EditionMark:
    """The edition of an article's words: its `updated` date (else `reviewed_on`) and a short digest.

    The digest covers what a reader reads — title, summary, every block's words, the review — so
    any change of wording gives a new mark, and rebuilding the same sources gives the same one.
    """
    hashed = hashlib.sha256()
    for part in (article.title, article.summary, body_text(article), article.reviewed_by or "",
                 article.reviewed_on.isoformat() if article.reviewed_on else "", article.language):
        hashed.update(part.encode("utf-8") + b"\x00")
    return EditionMark(article.updated or article.reviewed_on, hashed.hexdigest()[:DIGEST_CHARS])

