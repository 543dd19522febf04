"""The build: validate every source first, then bring each article's outputs up to date, then the library pages."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from filelock import FileLock, Timeout

from pipeline.audio import Recording, Script
from pipeline.build import keys
from pipeline.build.ceilings import within_limits
from pipeline.build.cleanup import TEMPORARY
from pipeline.build.ebook import build_ebook, ebook_made
from pipeline.build.isolation import article_step
from pipeline.build.library_pages import build_library_pages
from pipeline.build.manifest import ArticleOutputs, recording_facts, recording_from_facts
from pipeline.build.podcast import build_feed
from pipeline.build.progress import PlainReporter, Reporter
from pipeline.build.sources_check import engine_problem, load_sources, missing_voice
from pipeline.errors import ConfigError, PipelineError, RenderError
from pipeline.sources import Article, Practice, Settings
from pipeline.stopping import STOPPING, worker_threads

__all__ = ["ArticleResult", "BuildReport", "build", "build_article", "engine_problem", "load_sources",
           "missing_voice"]

log = logging.getLogger(__name__)


@dataclass
class ArticleResult:
    slug: str
    files: dict[str, int] = field(default_factory=dict)  # every output's size in bytes
    rebuilt: list[str] = field(default_factory=list)  # the outputs written this time
    pages: dict[str, int] = field(default_factory=dict)
    duration_ms: int | None = None
    warnings: list[str] = field(default_factory=list)


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
    if {"audio", "epub", "email"} & settings.only:  # every voice file is checked before anything is built
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


def build_article(article: Article, practice: Practice, settings: Settings,
                  reporter: Reporter | None = None) -> ArticleResult:
    """Bring one article's outputs up to date; nothing is written until every part succeeded.

    Only the parts in `settings.only` are made. The e-mail draft attaches the handout and the
    recording: with `--only email` they are not made, and if they are missing or out of date the
    draft is not written and one line says what to build first.
    """
    reporter = reporter or PlainReporter()
    slug, only = article.slug, settings.only
    outputs = ArticleOutputs(settings.out / slug)
    facts = outputs.manifest.facts
    names = keys.output_names(slug)
    handout_key = keys.handout_key(article, practice)

    def handouts() -> None:
        for edition, name in (("regular", names["pdf"]), ("large-print", names["large-print"])):
            if not outputs.current(name, handout_key):
                from pipeline.handout import render_handout

                reporter.step(slug, f"rendering the {edition} handout")
                with article_step(slug, f"rendering the {edition} handout"):
                    pdf = outputs.put(name, handout_key, render_handout(article, practice, edition))
                    facts[f"pages_{edition}"] = page_count(pdf)

    warnings = list(article.warnings)
    stale: list[str] = []  # what the e-mail draft needs and `--only` does not make
    # The handouts are rendered beside the narration: the voice and ffmpeg leave the interpreter free.
    beside = worker_threads(1, f"{slug}-handouts")
    try:
        handouts_done = beside.submit(handouts) if "pdf" in only else None
        recording = _narration(article, practice, settings, reporter, outputs, names, warnings, stale)
        if handouts_done:
            handouts_done.result()
    finally:
        beside.shutdown(wait=not STOPPING.is_set(), cancel_futures=True)

    if recording and practice.publish.base_url and "audio" in only:  # the feed's podcast:chapters
        from pipeline.audio import chapters_json

        chapters_key = keys.chapters_key(recording.chapters)
        if not outputs.current(names["chapters"], chapters_key):
            outputs.put(names["chapters"], chapters_key, chapters_json(recording.chapters))

    if "epub" in only:
        build_ebook(article, practice, outputs, names, recording, reporter)

    if "email" in only:
        _email(article, practice, outputs, names, handout_key, recording, stale, warnings, reporter)

    outputs.commit()
    return ArticleResult(
        slug=slug,
        files={name: entry.size for name, entry in outputs.manifest.outputs.items()
               if (outputs.folder / name).is_file()},
        rebuilt=sorted(outputs.new),
        pages={edition: int(facts[f"pages_{edition}"]) for edition in ("regular", "large-print")
               if f"pages_{edition}" in facts},
        duration_ms=recording.duration_ms if recording else None,
        warnings=warnings,
    )


def _email(article: Article, practice: Practice, outputs: ArticleOutputs, names: dict[str, str], handout_key: str,
           recording: Recording | None, stale: list[str], warnings: list[str], reporter: Reporter) -> None:
    """The e-mail draft, from the handout and recording as they are now."""
    from pipeline.email import draft_size_warning, render_email

    slug = article.slug
    attach_large = practice.email.attach_large_print
    for edition in ("pdf", "large-print") if attach_large else ("pdf",):
        if not outputs.made_from(names[edition], handout_key):
            stale.insert(0, names[edition])
    if practice.email.attach_epub and not ebook_made(article, practice, outputs, names, recording):
        stale.append(names["epub"])
    if stale:
        with article_step(slug, "writing the e-mail draft"):
            raise RenderError(f"it attaches {' and '.join(stale)}, missing or out of date; build them first "
                              f"(python -m pipeline build {slug}), then --only email")
    email_key = keys.email_key(article, practice, outputs.manifest, names)
    if not outputs.current(names["eml"], email_key):
        reporter.step(slug, "writing the e-mail draft")
        with article_step(slug, "writing the e-mail draft"):
            full = recording_from_facts(outputs.manifest.facts["recording"], outputs.read(names["mp3"]),
                                        outputs.read(names["vtt"]).decode("utf-8")) if recording else None
            large = outputs.read(names["large-print"]) if attach_large else None
            outputs.put(names["eml"], email_key,
                        render_email(article, practice, outputs.read(names["pdf"]), large, full,
                                     outputs.read(names["epub"]) if practice.email.attach_epub else None))
    size_warning = draft_size_warning(outputs.manifest.outputs[names["eml"]].size, practice)
    if size_warning:
        warnings.append(f"{outputs.folder / names['eml']}: {size_warning}")


def _narration(article: Article, practice: Practice, settings: Settings, reporter: Reporter,
               outputs: ArticleOutputs, names: dict[str, str], warnings: list[str],
               stale: list[str]) -> Recording | None:
    """The article's recording: from the manifest when current, else narrated and mastered anew
    (only when audio is to be built; else a missing or stale recording is added to `stale`)."""
    slug, facts = article.slug, outputs.manifest.facts
    if not {"audio", "epub", "email"} & settings.only:
        return None
    engine = settings.engine or practice.speech.engine
    silent = missing_voice(article.language, practice, settings)
    if silent:
        outputs.drop(names["mp3"], names["vtt"], names["chapters"])
        facts.pop("recording", None)
        warnings.append(f"{article.source}: no audio: {silent}; the handouts, page and e-mail are built without it")
        return None
    written: list[Script] = []
    with article_step(slug, "writing the narration script"):
        audio_key = keys.audio_key(article, practice, settings, outputs.manifest, written)
    if outputs.current(names["mp3"], audio_key) and outputs.current(names["vtt"], audio_key) \
            and "recording" in facts:
        return recording_from_facts(facts["recording"], b"", "")
    if "audio" not in settings.only:
        stale.append(names["mp3"])
        return None
    from pipeline.audio import narration_script, record

    with article_step(slug, "writing the narration script"):
        script = written[0] if written else narration_script(article, practice)
    reporter.step(slug, f"narrating {len(script.segments)} sentences with {engine}")
    with article_step(slug, f"narrating with {engine}"):
        recording = record(script, practice, engine, settings.cache,
                           progress=lambda done, total: reporter.sentences(slug, done, total),
                           updated=article.updated, sources=settings.sources)
    outputs.put(names["mp3"], audio_key, recording.mp3)
    outputs.put(names["vtt"], audio_key, recording.captions)
    facts["recording"] = recording_facts(recording)
    return recording


def page_count(pdf: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)
