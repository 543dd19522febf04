"""Building one article: each of its outputs in the registry, in order, each only when out of date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pipeline.article import Article
from pipeline.audio import Recording, recording_facts, recording_from_facts
from pipeline.building.context import Narration, RunContext
from pipeline.building.ebook import build_ebook, ebook_made
from pipeline.building.freshness import draft_key, recording_key
from pipeline.building.isolation import article_step
from pipeline.building.progress import PlainReporter, Reporter
from pipeline.building.scorecard import reading_facts
from pipeline.errors import RenderError
from pipeline.outputs import REGISTRY, file_names, needed_by, selected
from pipeline.rebuild import ArticleOutputs, chapters_key, handout_key
from pipeline.sources import review_status
from pipeline.stopping import STOPPING, worker_threads


@dataclass
class ArticleResult:
    slug: str
    files: dict[str, int] = field(default_factory=dict)  # every output's size in bytes
    rebuilt: list[str] = field(default_factory=list)  # the outputs written this time
    pages: dict[str, int] = field(default_factory=dict)
    duration_ms: int | None = None
    warnings: list[str] = field(default_factory=list)
    reading_level: str = "—"  # 'SMOG 11.5', as `check` scores it
    findings: int = 0  # the plain-language findings `check` lists
    review: str = "unreviewed"  # the clinical review's status on the day of the build


def build_article(article: Article, context: RunContext, reporter: Reporter | None = None) -> ArticleResult:
    """Bring one article's outputs up to date; nothing is written until every part succeeded.

    Only the outputs `settings.only` selects are made. The e-mail draft attaches the handout and
    the recording: with `--only email` they are not made, and if they are missing or out of date
    the draft is not written and one line says what to build first.
    """
    reporter = reporter or PlainReporter()
    practice, settings = context.practice, context.settings
    slug, only = article.slug, selected(settings.only)
    outputs = ArticleOutputs(settings.out / slug)
    facts = outputs.manifest.facts
    names = file_names(slug)
    narration = Narration(article, practice, outputs.manifest, context.makers)
    handout_made_from = handout_key(article, practice)

    def handouts() -> None:
        for edition, name in (("regular", names["handout"]), ("large-print", names["large-print"])):
            if not outputs.current(name, handout_made_from):
                reporter.step(slug, f"rendering the {edition} handout")
                with article_step(slug, f"rendering the {edition} handout"):
                    pdf = outputs.put(name, handout_made_from, context.makers.handout(article, practice, edition))
                    facts[f"pages_{edition}"] = page_count(pdf)

    warnings = list(article.warnings)
    stale: list[str] = []  # what the e-mail draft needs and `--only` does not make
    # The handouts are rendered beside the narration: the voice and ffmpeg leave the interpreter free.
    beside = worker_threads(1, f"{slug}-handouts")
    try:
        handouts_done = beside.submit(handouts) if {"handout", "large-print"} & only else None
        recording = _narration(article, context, narration, reporter, outputs, warnings, stale)
        if handouts_done:
            handouts_done.result()
    finally:
        beside.shutdown(wait=not STOPPING.is_set(), cancel_futures=True)

    if recording and practice.publish.base_url and "chapters" in only:  # the feed's podcast:chapters
        from pipeline.audio import chapters_json

        chapters_made_from = chapters_key(recording.chapters)
        if not outputs.current(names["chapters"], chapters_made_from):
            outputs.put(names["chapters"], chapters_made_from, chapters_json(recording.chapters))

    if "ebook" in only:
        build_ebook(article, context, narration, outputs, recording, reporter)

    if "email" in only:
        _email(article, context, narration, outputs, handout_made_from, recording, stale, reporter)
        size_warning = _draft_size(outputs, names["email"], context)
        if size_warning:
            warnings.append(size_warning)

    with article_step(slug, "scoring its plain language"):
        reading = reading_facts(article, practice, facts)
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
        reading_level=str(reading["level"]),
        findings=int(reading["findings"]),
        review=review_status(article, practice.review.every_years, practice.review.warn_days, date.today()),
    )


def _email(article: Article, context: RunContext, narration: Narration, outputs: ArticleOutputs,
           handout_made_from: str, recording: Recording | None, stale: list[str], reporter: Reporter) -> None:
    """The e-mail draft, from the files it attaches as they are now (as the registry lists its needs);
    refused, naming them, when one is missing or out of date."""
    practice, slug = context.practice, article.slug
    names = file_names(slug)
    made_from = {"handout": handout_made_from, "large-print": handout_made_from}
    files, book = [], []  # named as the draft attaches them: handouts, the recording, the e-book
    for need in REGISTRY["email"].needs(practice):
        if need == "ebook":
            if not ebook_made(article, context, narration, outputs, recording):
                book.append(names[need])
        elif not outputs.made_from(names[need], made_from[need]):
            files.append(names[need])
    stale = files + stale + book
    if stale:
        with article_step(slug, "writing the e-mail draft"):
            raise RenderError(f"it attaches {' and '.join(stale)}, missing or out of date; build them first "
                              f"(.venv/bin/handouts build {slug}), then --only email")
    email_made_from = draft_key(article, context, outputs.manifest)
    if not outputs.current(names["email"], email_made_from):
        reporter.step(slug, "writing the e-mail draft")
        with article_step(slug, "writing the e-mail draft"):
            full = recording_from_facts(outputs.manifest.facts["recording"], outputs.read(names["recording"]),
                                        outputs.read(names["captions"]).decode("utf-8")) if recording else None
            large = outputs.read(names["large-print"]) if practice.email.attach_large_print else None
            outputs.put(names["email"], email_made_from,
                        context.makers.email(article, practice, outputs.read(names["handout"]), large, full,
                                     outputs.read(names["ebook"]) if practice.email.attach_epub else None))


def _draft_size(outputs: ArticleOutputs, name: str, context: RunContext) -> str | None:
    from pipeline.email import draft_size_warning

    entry = outputs.manifest.outputs.get(name)
    warning = entry and draft_size_warning(entry.size, context.practice)
    return f"{outputs.folder / name}: {warning}" if warning else None


def _narration(article: Article, context: RunContext, narration: Narration, reporter: Reporter,
               outputs: ArticleOutputs, warnings: list[str], stale: list[str]) -> Recording | None:
    """The article's recording: from the manifest when current, else narrated and mastered anew
    (only when audio is to be built; else a missing or stale recording is added to `stale`)."""
    slug, facts, names = article.slug, outputs.manifest.facts, file_names(article.slug)
    only = selected(context.settings.only)
    if not ({"recording"} | needed_by("recording", context.practice)) & only:
        return None
    voice = context.voice(article.language)
    if isinstance(voice, str):
        outputs.drop(names["recording"], names["captions"], names["chapters"])
        facts.pop("recording", None)
        warnings.append(f"{article.source}: no audio: {voice}; the handouts, page and e-mail are built without it")
        return None
    with article_step(slug, "writing the narration script"):
        audio_made_from = recording_key(article, context, narration)
    if audio_made_from is None:  # not reached: a voice was found just above
        return None
    if outputs.current(names["recording"], audio_made_from) and outputs.current(names["captions"], audio_made_from) \
            and "recording" in facts:
        return recording_from_facts(facts["recording"], b"", "")
    if "recording" not in only:
        stale.append(names["recording"])
        return None
    engine = voice.engine  # the engine that speaks this language (Spanish: kokoro by default)
    with article_step(slug, "writing the narration script"):
        script = narration.script()
    reporter.step(slug, f"narrating {len(script.segments)} sentences with {engine}")
    with article_step(slug, f"narrating with {engine}"):
        recording = context.makers.recording(script, context.practice, engine, context.settings.cache,
                           progress=lambda done, total: reporter.sentences(slug, done, total),
                           updated=article.updated, sources=context.settings.sources, voice=voice)
    outputs.put(names["recording"], audio_made_from, recording.mp3)
    outputs.put(names["captions"], audio_made_from, recording.captions)
    facts["recording"] = recording_facts(recording)
    return recording


def page_count(pdf: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)
