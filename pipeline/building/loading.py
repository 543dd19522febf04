"""The build's first step: the profile and every article validated, and a voice found for each language."""

from __future__ import annotations

from pipeline.article import Article
from pipeline.errors import SourceError
from pipeline.language import language_name
from pipeline.settings import Settings
from pipeline.sources import Practice, load_practice, read_library, resolve_slugs


def load_sources(settings: Settings, slugs: tuple[str, ...] = ()) -> tuple[Practice, list[Article], list[str]]:
    """Validate the profile and every article; returns the good articles (all, or those named)."""
    from pipeline.audio import with_lexicon_file

    practice = with_lexicon_file(load_practice(settings.practice_file), settings.practice_file)
    library = read_library(settings.articles_dir, practice.practice.language)
    articles, problems = [], list(library.problems)
    for article in library.articles:
        if practice.notices_in(article.language) is None:  # its handout would carry no crisis notice
            problems.append(f"{settings.practice_file}: notices.{article.language}: missing; {article.source} is in "
                            f"{language_name(article.language, 'en')} (lang: {article.language}); add a "
                            f"[notices.{article.language}] table with crisis and disclaimer in that language")
        else:
            articles.append(article)
    if slugs:
        slugs = resolve_slugs(slugs, (article.slug for article in articles), settings.articles_dir)
        articles = [article for article in articles if article.slug in slugs]
    if not articles and not problems:
        raise SourceError(f"{settings.articles_dir}: no articles (*.md) to build")
    return practice, articles, problems


def missing_voice(language: str, practice: Practice, settings: Settings) -> str | None:
    """Why there is no voice for `language` (its audio is then skipped), or None when there is one.

    A voice file that is named but missing, unreadable or in another language is an error."""
    from pipeline.building.context import RunContext

    voice = RunContext(settings, practice).voice(language)
    return voice if isinstance(voice, str) else None


def engine_problem(settings: Settings, practice: Practice) -> str | None:
    """One line if the chosen speech engine does not exist, naming where it was chosen."""
    from pipeline.audio import ENGINES

    engine = settings.engine or practice.speech.engine
    if engine in ENGINES:
        return None
    where = "--engine" if settings.engine else f"{settings.practice_file}: speech.engine"
    return f"{where}: {engine!r} is not a speech engine; expected one of {', '.join(sorted(ENGINES))}"
