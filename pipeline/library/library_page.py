"""Library page step: `build/index.html`, a light list of every article to search, filter and sort.

No players here: each entry links to the article's own page (`article_page`), so the page stays
small at hundreds of articles. Without its script the whole list shows, newest first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from pipeline.article import Article
from pipeline.audio import Recording
from pipeline.language import language_name, long_date
from pipeline.library.assets import inline_asset, listening
from pipeline.outputs import file_names
from pipeline.sources import Practice, next_review
from pipeline.stamp import phone_link, stamp
from pipeline.templating import environment


@dataclass(frozen=True)
class Entry:
    """One article as the library page lists it."""

    article: Article
    href: str | None  # its own page; None while nothing of it is built
    updated: str | None
    listening_time: str | None
    language: str | None  # the article's language, when it differs from the page's
    next_review: str = ""  # ISO date of its next clinical review, for the staff filter; "" if unreviewed
    ebook: str | None = None  # its e-book, when current
    read_along: bool = False  # its e-book reads along with a recording


def newest_first(articles: Sequence[Article]) -> list[Article]:
    """Latest update first, undated articles last, then by title."""
    return sorted(articles, key=lambda a: (-(a.updated or date.min).toordinal(), a.title.casefold(), a.slug))


def render_library_page(
    articles: Sequence[Article], recordings: Mapping[str, Recording], practice: Practice,
    not_built: Collection[str] = (), ebooks: Collection[str] = (),
) -> str:
    """The whole page as one file: styles and script inlined, links relative to the build folder.

    Every article is listed; those in `not_built` (slugs) are marked so and link nowhere yet; those
    in `ebooks` (slugs) link their e-book too.
    """
    style, style_hash = inline_asset("library.css", "</style")
    script, script_hash = inline_asset("library.js", "</script")
    languages = Counter(article.language for article in articles)
    language = languages.most_common(1)[0][0] if articles else "en"
    tags = Counter(tag for article in articles for tag in dict.fromkeys(article.tags))
    entries = [
        Entry(
            article=article,
            href=None if article.slug in not_built else f"{article.slug}/index.html",
            updated=long_date(article.updated, language) if article.updated else None,
            listening_time=listening(recordings.get(article.slug), language),
            language=language_name(article.language) if article.language != language else None,
            next_review=_next_review(article, practice),
            ebook=f"{article.slug}/{file_names(article.slug)['ebook']}" if article.slug in ebooks else None,
            read_along=article.slug in recordings,
        )
        for article in newest_first(articles)
    ]
    return environment(language).get_template("library.html.j2").render(
        entries=entries,
        any_audio=any(entry.listening_time for entry in entries),
        tags=sorted(tags.items(), key=lambda item: item[0].casefold()),
        stamp=stamp(practice, language),
        phone_link=phone_link(practice.practice.phone),
        language=language,
        warn_days=practice.review.warn_days,
        style=style,
        script=script,
        style_hash=style_hash,
        script_hash=script_hash,
    )


def _next_review(article: Article, practice: Practice) -> str:
    due = next_review(article, practice.review.every_years) if article.reviewed_by else None
    return due.isoformat() if due else ""
