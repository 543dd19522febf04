"""`build`: validate every source first, then bring each article's outputs up to date, then the library pages."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from filelock import FileLock, Timeout

from pipeline.article import Article
from pipeline.commands.article_step import article_step
from pipeline.commands.build_article import ArticleResult, build_article
from pipeline.commands.clean import TEMPORARY
from pipeline.commands.limits import within_limits
from pipeline.commands.loading import engine_problem, load_sources, missing_voice
from pipeline.commands.progress import PlainReporter, Reporter
from pipeline.errors import ConfigError, PipelineError
from pipeline.library import build_feed, build_library_pages
from pipeline.settings import Settings
from pipeline.sources import Practice
from pipeline.stopping import STOPPING, worker_threads

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    results: list[ArticleResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    index_rebuilt: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def build(settings: Settings, slugs: tuple[str, ...] = (), reporter: Reporter | None = None) -> BuildReport:
    """Build (or bring up to date) every article, or the named ones, and the library page."""
    reporter = reporter or PlainReporter()
    practice, library, problems = load_sources(settings)
    chosen = load_sources(settings, slugs)[1] if slugs else library
    chosen, refused = within_limits(chosen, practice, settings)  # before any work
    problems += refused
    if settings.strict and practice.placeholders():
        raise ConfigError(*(f"{settings.practice_file}: {p} (refused with --strict)"
                            for p in practice.placeholders()))
    problem = engine_problem(settings, practice)
    if problem:
        raise ConfigError(problem)
    if {"audio", "email"} & settings.only:  # every voice file is checked before anything is built
        for language in sorted({article.language for article in chosen}):
            missing_voice(language, practice, settings)
    if settings.out.exists() and not settings.out.is_dir():
        raise PipelineError(f"{settings.out}: --out names a file; expected a folder for the outputs")
    settings.out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(settings.out / ".lock")
    try:
        lock.acquire(timeout=0.5)
    except Timeout:
        reporter.step("build", f"waiting for another build writing to {settings.out}/")
        lock.acquire()
    try:
        # Temporaries of a build that was killed, only where this build writes: the top folder and
        # the folders of the articles it builds (never a subfolder someone else keeps here).
        for folder in (settings.out, *(settings.out / article.slug for article in chosen)):
            for leftover in folder.glob(".*.part") if folder.is_dir() else ():
                if TEMPORARY.match(leftover.name) and leftover.is_file() and not leftover.is_symlink():
                    leftover.unlink(missing_ok=True)
        report = BuildReport(problems=problems)
        # Handouts with example contact details must not reach clients unnoticed.
        report.warnings.extend(f"{settings.practice_file}: {p}" for p in practice.placeholders())
        report.results = _build_articles(chosen, practice, settings, reporter, report)
        if "index" in settings.only:
            report.index_rebuilt = build_library_pages(library, practice, settings)
            build_feed(library, practice, settings)
    finally:
        lock.release()
    if settings.strict and report.warnings:
        report.problems.extend(f"{w} (a warning, refused with --strict)" for w in report.warnings)
    return report


def _build_articles(articles: list[Article], practice: Practice, settings: Settings, reporter: Reporter,
                    report: BuildReport) -> list[ArticleResult]:
    def one(article: Article) -> ArticleResult | None:
        try:
            with article_step(article.slug, "building"):
                return build_article(article, practice, settings, reporter)
        except PipelineError as exc:  # every step's failure names the article and the step
            report.problems.extend(exc.problems)
            return None

    if settings.jobs <= 1 or len(articles) <= 1:
        results = [one(article) for article in articles]
    else:
        pool = worker_threads(settings.jobs, "article")
        futures = [pool.submit(one, article) for article in articles]
        try:
            results = [future.result() for future in futures]
        except BaseException:
            cancel = getattr(reporter, "cancelled", None)
            if cancel is not None:
                cancel.set()  # workers stop at their next step or sentence
            # On Ctrl-C the process ends without waiting for a sentence or page in progress:
            # every output is written whole or not at all, so nothing half-made is left.
            pool.shutdown(wait=not STOPPING.is_set(), cancel_futures=True)
            raise
        pool.shutdown()
    for result in results:
        if result:
            report.warnings.extend(result.warnings)
    return [result for result in results if result]
