"""The build: validate every source first, then bring each article's outputs up to date, then the library pages."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from pipeline.audio import Recording
from pipeline.build.ceilings import within_limits
from pipeline.build.clean import TEMPORARY
from pipeline.build.isolation import article_step
from pipeline.build.library_pages import build_library_pages
from pipeline.build.manifest import (
    Manifest,
    fingerprint,
    pipeline_version,
    read_manifest,
    recording_facts,
    recording_from_facts,
    write_manifest,
)
from pipeline.build.podcast import build_feed
from pipeline.build.progress import PlainReporter, Reporter
from pipeline.build.sources_check import engine_problem, load_sources, missing_voice
from pipeline.errors import ConfigError, PipelineError
from pipeline.output import write_atomic
from pipeline.sources import Article, Practice, Settings

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
        pool = ThreadPoolExecutor(max_workers=settings.jobs, thread_name_prefix="article")
        futures = [pool.submit(one, article) for article in articles]
        try:
            results = [future.result() for future in futures]
        except BaseException:
            cancel = getattr(reporter, "cancelled", None)
            if cancel is not None:
                cancel.set()  # workers stop at their next step or sentence
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown()
    for result in results:
        if result:
            report.warnings.extend(result.warnings)
    return [result for result in results if result]


class _Outputs:
    """One article folder: what is current, what was made now, and the bytes of either on demand."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.manifest: Manifest = read_manifest(folder)
        self.new: dict[str, bytes] = {}
        self.dropped: list[str] = []

    def current(self, name: str, key: str) -> bool:
        return name not in self.new and self.manifest.is_current(self.folder, name, key)

    def put(self, name: str, key: str, data: bytes | str) -> bytes:
        data = data.encode("utf-8") if isinstance(data, str) else data
        self.new[name] = data
        self.manifest.record(name, key, data)
        return data

    def read(self, name: str) -> bytes:
        return self.new[name] if name in self.new else (self.folder / name).read_bytes()

    def drop(self, *names: str) -> None:
        """Outputs that must no longer be there (audio from before its voice was removed)."""
        for name in names:
            if self.manifest.outputs.pop(name, None) is not None:
                self.dropped.append(name)

    def sha(self, name: str) -> str:
        entry = self.manifest.outputs.get(name)
        return entry.sha256 if entry else ""

    def commit(self) -> None:
        """Write what was made, then the manifest: an interrupted build leaves older, whole files."""
        for name, data in self.new.items():
            write_atomic(self.folder / name, data)
        if self.new or self.dropped:
            write_manifest(self.folder, self.manifest)
        for name in self.dropped:
            (self.folder / name).unlink(missing_ok=True)


def build_article(article: Article, practice: Practice, settings: Settings,
                  reporter: Reporter | None = None) -> ArticleResult:
    """Bring one article's outputs up to date; nothing is written until every part succeeded."""
    reporter = reporter or PlainReporter()
    slug, only, version = article.slug, settings.only, pipeline_version()
    outputs = _Outputs(settings.out / slug)
    facts = outputs.manifest.facts
    names = {"pdf": f"{slug}.pdf", "large-print": f"{slug}-large-print.pdf", "mp3": f"{slug}.mp3",
             "vtt": f"{slug}.vtt", "eml": f"{slug}.eml", "chapters": f"{slug}.chapters.json"}

    handout_key = fingerprint("handout", version, article, practice.practice, practice.services,
                              practice.notices, practice.handout, practice.publish.base_url)

    def handouts() -> None:
        for edition, name in (("regular", names["pdf"]), ("large-print", names["large-print"])):
            if not outputs.current(name, handout_key):
                from pipeline.handout import render_handout

                reporter.step(slug, f"rendering the {edition} handout")
                with article_step(slug, f"rendering the {edition} handout"):
                    pdf = outputs.put(name, handout_key, render_handout(article, practice, edition))
                    facts[f"pages_{edition}"] = page_count(pdf)

    warnings = list(article.warnings)
    # The handouts are rendered beside the narration: the voice and ffmpeg leave the interpreter free.
    beside = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"{slug}-handouts")
    try:
        handouts_done = beside.submit(handouts) if "pdf" in only or "email" in only else None
        recording = _narration(article, practice, settings, reporter, outputs, names, version, warnings)
        if handouts_done:
            handouts_done.result()
    finally:
        beside.shutdown(wait=True)

    if recording and practice.publish.base_url:  # the feed's podcast:chapters, beside the MP3
        from pipeline.audio import chapters_json

        chapters_key = fingerprint("chapters", version, recording.chapters)
        if not outputs.current(names["chapters"], chapters_key):
            outputs.put(names["chapters"], chapters_key, chapters_json(recording.chapters))

    if "email" in only:
        from pipeline.email import draft_size_warning, render_email

        attach_large = practice.email.attach_large_print
        email_key = fingerprint("email", version, article, practice, outputs.sha(names["pdf"]),
                                outputs.sha(names["mp3"]), attach_large and outputs.sha(names["large-print"]))
        if not outputs.current(names["eml"], email_key):
            reporter.step(slug, "writing the e-mail draft")
            with article_step(slug, "writing the e-mail draft"):
                full = recording_from_facts(facts["recording"], outputs.read(names["mp3"]),
                                            outputs.read(names["vtt"]).decode("utf-8")) if recording else None
                large = outputs.read(names["large-print"]) if attach_large else None
                outputs.put(names["eml"], email_key,
                            render_email(article, practice, outputs.read(names["pdf"]), large, full))
        size_warning = draft_size_warning(outputs.manifest.outputs[names["eml"]].size, practice)
        if size_warning:
            warnings.append(f"{outputs.folder / names['eml']}: {size_warning}")

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


def _narration(article: Article, practice: Practice, settings: Settings, reporter: Reporter,
               outputs: _Outputs, names: dict[str, str], version: str, warnings: list[str]) -> Recording | None:
    """The article's recording: from the manifest when current, else narrated and mastered anew."""
    slug, facts = article.slug, outputs.manifest.facts
    recording: Recording | None = None
    engine = settings.engine or practice.speech.engine
    silent = missing_voice(article.language, practice, settings) if {"audio", "email"} & settings.only else None
    if silent:
        outputs.drop(names["mp3"], names["vtt"], names["chapters"])
        facts.pop("recording", None)
        warnings.append(f"{article.source}: no audio: {silent}; the handouts, page and e-mail are built without it")
    elif {"audio", "email"} & settings.only:
        from pipeline.audio import narration_script

        with article_step(slug, "writing the narration script"):
            script = narration_script(article, practice)
        audio_key = fingerprint("audio", version, script, article, practice.speech, practice.practice, engine)
        if outputs.current(names["mp3"], audio_key) and outputs.current(names["vtt"], audio_key) \
                and "recording" in facts:
            recording = recording_from_facts(facts["recording"], b"", "")
        else:
            from pipeline.audio import record

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
