"""Building one article: its handouts, recording, chapters and e-mail draft, each only when out of date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pipeline.article import Article
from pipeline.audio import Recording, Script
from pipeline.commands.article_step import article_step
from pipeline.commands.ebook import build_ebook, ebook_made
from pipeline.commands.loading import missing_voice
from pipeline.commands.progress import PlainReporter, Reporter
from pipeline.commands.scorecards import reading_facts
from pipeline.errors import RenderError
from pipeline.rebuild import (
    ArticleOutputs,
    audio_key,
    chapters_key,
    email_key,
    handout_key,
    output_names,
    recording_facts,
    recording_from_facts,
)
from pipeline.settings import Settings
from pipeline.sources import Practice, review_status
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
    names = output_names(slug)
    handout_made_from = handout_key(article, practice)

    def handouts() -> None:
        for edition, name in (("regular", names["pdf"]), ("large-print", names["large-print"])):
            if not outputs.current(name, handout_made_from):
                from pipeline.handout import render_handout

                reporter.step(slug, f"rendering the {edition} handout")
                with article_step(slug, f"rendering the {edition} handout"):
                    pdf = outputs.put(name, handout_made_from, render_handout(article, practice, edition))
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

        chapters_made_from = chapters_key(recording.chapters)
        if not outputs.current(names["chapters"], chapters_made_from):
            outputs.put(names["chapters"], chapters_made_from, chapters_json(recording.chapters))

    if "epub" in only:
        build_ebook(article, practice, outputs, names, recording, reporter)

    if "email" in only:
        _email(article, practice, outputs, names, handout_made_from, recording, stale, warnings, reporter)

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
        findings=int(reading["findings"]),  # type: ignore[call-overload]
        review=review_status(article, practice.review.every_years, practice.review.warn_days, date.today()),
    )


def _email(article: Article, practice: Practice, outputs: ArticleOutputs, names: dict[str, str], handout_made_from: str,
           recording: Recording | None, stale: list[str], warnings: list[str], reporter: Reporter) -> None:
    """The e-mail draft, from the handout and recording as they are now."""
    from pipeline.email import draft_size_warning, render_email

    slug = article.slug
    attach_large = practice.email.attach_large_print
    for edition in ("pdf", "large-print") if attach_large else ("pdf",):
        if not outputs.made_from(names[edition], handout_made_from):
            stale.insert(0, names[edition])
    if practice.email.attach_epub and not ebook_made(article, practice, outputs, names, recording):
        stale.append(names["epub"])
    if stale:
        with article_step(slug, "writing the e-mail draft"):
            raise RenderError(f"it attaches {' and '.join(stale)}, missing or out of date; build them first "
                              f"(python -m pipeline build {slug}), then --only email")
    email_made_from = email_key(article, practice, outputs.manifest, names)
    if not outputs.current(names["eml"], email_made_from):
        reporter.step(slug, "writing the e-mail draft")
        with article_step(slug, "writing the e-mail draft"):
            full = recording_from_facts(outputs.manifest.facts["recording"], outputs.read(names["mp3"]),
                                        outputs.read(names["vtt"]).decode("utf-8")) if recording else None
            large = outputs.read(names["large-print"]) if attach_large else None
            outputs.put(names["eml"], email_made_from,
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
        audio_made_from = audio_key(article, practice, settings, outputs.manifest, written)
    if outputs.current(names["mp3"], audio_made_from) and outputs.current(names["vtt"], audio_made_from) \
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
    outputs.put(names["mp3"], audio_made_from, recording.mp3)
    outputs.put(names["vtt"], audio_made_from, recording.captions)
    facts["recording"] = recording_facts(recording)
    return recording


def page_count(pdf: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)
