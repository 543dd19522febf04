"""Staff page step: `build/staff.html`, what the practice's staff need and clients never see.

Each article with its e-mail draft, how to open a draft in each mail client, its edition, reading
level and clinical review. It is a staff output: `serve` shows it, the upload set leaves it out,
and no client page links it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from babel.numbers import format_decimal

from pipeline.article import Article
from pipeline.language import language_name, long_date, phrases
from pipeline.library.assets import inline_asset
from pipeline.library.library_page import newest_first
from pipeline.outputs import file_names
from pipeline.plain_language import article_measures, reading_grade, reading_scale
from pipeline.sources import Practice, edition_mark, next_review, review_line
from pipeline.stamp import stamp
from pipeline.templating import environment


@dataclass(frozen=True)
class StaffEntry:
    """One article as the staff page lists it; links are relative to the build folder."""

    article: Article
    page: str | None  # its client page, once built
    draft: str | None  # its e-mail draft, once built
    edition: str
    reading_level: str | None  # None when the article is too short to score
    reviewed: str | None  # "Reviewed by …, on …", or None when not reviewed
    next_review: str | None  # the date of its next review, in the page's language
    language: str | None  # the article's language, when it differs from the page's


def reading_level(article: Article, language: str | None = None) -> str | None:
    """The scorecard's measure, as `check` and the build's table name it: 'SMOG grade 11.5' for English
    (None under the 30 sentences SMOG is normed on), or for Spanish '68.0 of 100 on the Szigriszt-Pazos
    (INFLESZ) scale…'; in `language` (the page's), or else the article's."""
    value = reading_grade(article) if article.language == "es" else article_measures(article).smog
    return measured_level(value, article.language, language or article.language)


def measured_level(value: float | None, article_language: str, language: str) -> str | None:
    """A measure already scored (the build keeps each article's), worded as `reading_level` words it."""
    if value is None:
        return None
    _ = phrases(language)
    shown = format_decimal(value, format="0.0", locale=language)
    if article_language == "es":
        return _(reading_scale(article_language).shown).format(value=shown)
    return _("SMOG grade {value}").format(value=shown)


def render_staff_page(articles_with_files: Sequence[tuple[Article, Collection[str]]], practice: Practice,
                      measured: Mapping[str, float | None] | None = None) -> str:
    """The staff page for every article, each with the names of the files its folder holds (as
    the build's `current_files` gives them: made from today's sources and whole on disk).
    `measured` holds the reading measures the build already scored, by slug: a library of
    hundreds is not scored again each time one article changes (one not yet scored shows none)."""
    style, style_hash = inline_asset("library.css", "</style")
    language = practice.practice.language
    files = {article.slug: built for article, built in articles_with_files}
    entries = []
    for article in newest_first([article for article, _built in articles_with_files]):
        slug, built = article.slug, files[article.slug]
        names = file_names(slug)
        due = next_review(article, practice.review.every_years) if article.reviewed_by else None
        entries.append(StaffEntry(
            article=article,
            page=f"{slug}/{names['article-page']}" if built else None,  # every built article has its page
            draft=f"{slug}/{names['email']}" if names["email"] in built else None,
            edition=str(edition_mark(article)),
            reading_level=reading_level(article, language) if measured is None
            else measured_level(measured.get(slug), article.language, language),
            reviewed=review_line(article),
            next_review=long_date(due, language) if due else None,
            language=language_name(article.language, language) if article.language != language else None,
        ))
    return environment(language).get_template("staff.html.j2").render(
        entries=entries, stamp=stamp(practice, language), language=language,
        style=style, style_hash=style_hash)
