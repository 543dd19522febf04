"""Input ceilings, checked before any work: an article whose narration or handout would run past
the profile's `[limits]` is refused in one line, and the others build.

The estimates are cheap on purpose (characters and sentence ends, no sentence splitting or
layout), so that even a whole website pasted as one article is refused in a moment and in little
memory."""

from __future__ import annotations

from pipeline.article import Article, body_text
from pipeline.audio import rough_listening_ms
from pipeline.settings import Settings
from pipeline.sources import Practice

# Characters of article text a regular handout page holds, fitted over the seed article (5 pages)
# and a 700 KB article (356 pages); the first page's heading and the contact block add about one.
CHARACTERS_PER_PAGE = 1950
PAGES_AROUND_THE_TEXT = 1.5


def estimated_pages(article: Article) -> int:
    """About how many pages the regular handout will have."""
    return round(len(body_text(article)) / CHARACTERS_PER_PAGE + PAGES_AROUND_THE_TEXT)


def over_limits(article: Article, practice: Practice, settings: Settings) -> list[str]:
    """One line per limit the article would pass, giving the estimate and the setting."""
    limits, where = practice.limits, settings.practice_file
    problems = []
    minutes = round(rough_listening_ms(article, practice) / 60_000)
    if minutes > limits.max_listening_minutes:
        problems.append(f"{article.source}: its narration would run about {minutes} minutes, over "
                        f"limits.max_listening_minutes = {limits.max_listening_minutes} in {where}; "
                        "split the article, or raise the limit")
    pages = estimated_pages(article)
    if pages > limits.max_handout_pages:
        problems.append(f"{article.source}: its handout would run about {pages} pages, over "
                        f"limits.max_handout_pages = {limits.max_handout_pages} in {where}; "
                        "split the article, or raise the limit")
    return problems


def within_limits(articles: list[Article], practice: Practice,
                  settings: Settings) -> tuple[list[Article], list[str]]:
    """The articles within the limits, and one line for each limit another would pass."""
    kept: list[Article] = []
    refused: list[str] = []
    for article in articles:
        problems = over_limits(article, practice, settings)
        refused.extend(problems)
        if not problems:
            kept.append(article)
    return kept, refused
