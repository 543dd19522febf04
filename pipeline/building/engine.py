"""The build engine: validate every source first, then, under the build lock, bring each selected
article output up to date (articles side by side, one failing without stopping the rest), then the
library's outputs."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from filelock import FileLock, Timeout

from pipeline.article import Article
from pipeline.building.article import ArticleResult, build_article
from pipeline.building.context import RunContext
from pipeline.building.feed import build_feed
from pipeline.building.isolation import article_step
from pipeline.building.limits import within_limits
from pipeline.building.loading import engine_problem, load_sources
from pipeline.building.makers import MAKERS, Makers
from pipeline.building.packets import build_packets
from pipeline.building.pages import build_library_pages
from pipeline.building.progress import PlainReporter, Reporter
from pipeline.building.withdrawal import withdraw
from pipeline.errors import ConfigError, PipelineError
from pipeline.output import TEMPORARY
from pipeline.outputs import ONLY_WORDS, selected, words_needing
from pipeline.packets import PacketResult
from pipeline.settings import Settings
from pipeline.sources import article_structure
from pipeline.stopping import STOPPING, worker_threads

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    results: list[ArticleResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)  # one line per article whose source was removed
    packets: list[PacketResult] = field(default_factory=list)
    index_rebuilt: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def build(settings: Settings, slugs: tuple[str, ...] = (), reporter: Reporter | None = None,
          makers: Makers = MAKERS) -> BuildReport:
    """Build (or bring up to date) every article, or the named ones, and the library page; `makers`
    are the functions that make each output (a test's seam)."""
    reporter = reporter or PlainReporter()
    practice, library, problems = load_sources(settings)
    chosen = load_sources(settings, slugs)[1] if slugs else library
    chosen, refused = within_limits(chosen, practice, settings)  # before any work
    chosen, unsound = _soundly_shaped(chosen)
    problems += refused + unsound
    if settings.strict and practice.placeholders():
        raise ConfigError(*(f"{settings.practice_file}: {p} (refused with --strict)"
                            for p in practice.placeholders()))
    problem = engine_problem(settings, practice)
    if problem:
        raise ConfigError(problem)
    context = RunContext(settings, practice, makers)
    if words_needing("recording", practice) & settings.only:  # every voice is looked up before anything is built
        for language in sorted({article.language for article in chosen}):
            context.voice(language)
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
        report.results = _build_articles(chosen, context, reporter, report)
        # Only a build of every article and every output withdraws: one of a few knows too little.
        full = not slugs and set(settings.only) >= set(ONLY_WORDS)
        report.withdrawn = withdraw(library, settings, full)
        made = selected(settings.only)
        if "library-page" in made:
            report.index_rebuilt = build_library_pages(library, context)
        if "feed" in made:
            build_feed(library, context)
        if "packet-handout" in made and not slugs:  # after the articles: made from their files
            report.packets, problems = build_packets(library, context)
            report.problems += problems
            report.warnings += [warning for packet in report.packets for warning in packet.warnings]
    finally:
        lock.release()
    if settings.strict and report.warnings:
        report.problems.extend(f"{w} (a warning, refused with --strict)" for w in report.warnings)
    return report


def _soundly_shaped(articles: list[Article]) -> tuple[list[Article], list[str]]:
    """The articles whose handout would print right, and a line for each structural error of the others.

    A draft is left to its review items, which hold the same findings: it is built for staff only.
    """
    errors = {article.slug: [f"{article.source}: {finding.where}: {finding.message}"
                             for finding in article_structure(article) if finding.error]
              for article in articles if not article.is_draft}
    return ([article for article in articles if not errors.get(article.slug)],
            [line for lines in errors.values() for line in lines])


def _build_articles(articles: list[Article], context: RunContext, reporter: Reporter,
                    report: BuildReport) -> list[ArticleResult]:
    settings = context.settings

    def one(article: Article) -> ArticleResult | None:
        try:
            with article_step(article.slug, "building"):
                return build_article(article, context, reporter)
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
