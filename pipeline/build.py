"""The build: read and validate every source first, then render each article, then the index."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.article import Article
from pipeline.errors import ConfigError, PipelineError, SourceError
from pipeline.output import write_atomic
from pipeline.practice import Practice, load_practice
from pipeline.recording import Recording
from pipeline.settings import Settings
from pipeline.sources import read_library

log = logging.getLogger(__name__)


@dataclass
class ArticleResult:
    slug: str
    files: dict[str, int] = field(default_factory=dict)  # file name -> size in bytes
    recording: Recording | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class BuildReport:
    results: list[ArticleResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def load_sources(settings: Settings, slugs: tuple[str, ...] = ()) -> tuple[Practice, list[Article], list[str]]:
    """Validate the profile and every article; returns the good articles and the problems."""
    practice = load_practice(settings.practice_file)
    library = read_library(settings.articles_dir)
    problems = list(library.problems)
    articles = list(library.articles)
    if slugs:
        known = {article.slug for article in articles}
        unknown = [slug for slug in slugs if slug not in known]
        if unknown:
            raise SourceError(*(f"{settings.articles_dir}: no article with slug {slug!r} "
                                f"(known: {', '.join(sorted(known)) or 'none'})" for slug in unknown))
        articles = [article for article in articles if article.slug in slugs]
    if not articles and not problems:
        raise SourceError(f"{settings.articles_dir}: no articles (*.md) to build")
    return practice, articles, problems


def build(settings: Settings, slugs: tuple[str, ...] = ()) -> BuildReport:
    practice, articles, problems = load_sources(settings, slugs)
    report = BuildReport(problems=problems)
    if settings.strict and practice.placeholders():
        raise ConfigError(*(f"{settings.practice_file}: {p} (refused with --strict)"
                            for p in practice.placeholders()))
    for article in articles:
        report.warnings.extend(article.warnings)
        try:
            report.results.append(build_article(article, practice, settings))
        except PipelineError as exc:
            report.problems.extend(f"while building {article.slug!r}: {p}" for p in exc.problems)
    if "index" in settings.only:
        from pipeline.library_page import render_library_page

        built = {result.slug: result for result in report.results}
        listed = [article for article in articles if article.slug in built]
        recordings = {slug: r.recording for slug, r in built.items() if r.recording}
        write_atomic(settings.out / "index.html", render_library_page(listed, recordings, practice))
    if settings.strict and report.warnings:
        report.problems.extend(f"{w} (a warning, refused with --strict)" for w in report.warnings)
    return report


def build_article(article: Article, practice: Practice, settings: Settings) -> ArticleResult:
    """Render every output of one article in memory, then write them all."""
    slug = article.slug
    outputs: dict[str, bytes | str] = {}
    result = ArticleResult(slug)
    handout = large_print = None
    if "pdf" in settings.only or "email" in settings.only:
        from pipeline.handout import render_handout

        handout = render_handout(article, practice, "regular")
        large_print = render_handout(article, practice, "large-print")
        outputs[f"{slug}.pdf"] = handout
        outputs[f"{slug}-large-print.pdf"] = large_print
    if {"audio", "email", "index"} & settings.only:
        from pipeline.audio import record
        from pipeline.narration import narration_script

        engine = settings.engine or practice.speech.engine
        recording = record(narration_script(article, practice), practice, engine, settings.cache)
        result.recording = recording
        outputs[f"{slug}.mp3"] = recording.mp3
        outputs[f"{slug}.vtt"] = recording.captions
    if "email" in settings.only:
        from pipeline.email_draft import render_email

        outputs[f"{slug}.eml"] = render_email(
            article, practice, handout, large_print if practice.email.attach_large_print else None,
            result.recording,
        )
    folder = settings.out / slug
    for name, data in outputs.items():
        write_atomic(folder / name, data)
        result.files[name] = (folder / name).stat().st_size
    return result


def output_folder(settings: Settings, slug: str) -> Path:
    return settings.out / slug
