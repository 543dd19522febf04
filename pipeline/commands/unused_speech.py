"""`clean --unused-speech`: remove cached sentences that no current article's narration uses.

The speech cache grows with every edit and every change to the spoken stamp; this keeps exactly
the sentences the articles need now, for the engine the profile chooses (or `--engine`), so the
next build speaks nothing again, and only the current prepared voice model. If any article or
the profile has a problem, nothing is removed: a broken article's sentences are still wanted once
it is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from filelock import FileLock

from pipeline.audio import (
    MissingVoice,
    SpeechCache,
    Voice,
    bundled_voice,
    load_voice,
    narration_script,
    outdated_models,
)
from pipeline.building import article_step, engine_problem, load_sources
from pipeline.errors import ConfigError, SourceError
from pipeline.settings import Settings


@dataclass(frozen=True)
class Removed:
    sentences: int
    freed_bytes: int
    kept: int
    models: int = 0  # prepared voice models no voice uses any more


def remove_unused_speech(settings: Settings) -> Removed:
    practice, articles, problems = load_sources(settings)
    if problems:
        raise SourceError(*problems, f"{settings.cache}/: nothing removed from the speech cache; "
                                     "fix the articles above first, so their sentences are kept")
    problem = engine_problem(settings, practice)
    if problem:
        raise ConfigError(problem)
    engine = settings.engine or practice.speech.engine
    cache = SpeechCache(settings.cache)
    needed: set[str] = set()
    voices: dict[str, Voice] = {}
    for language in sorted({article.language for article in articles}):
        try:
            voices[language] = load_voice(engine, practice.speech, settings.cache, language, settings.sources)
        except MissingVoice:
            continue  # no voice, so nothing of this language is in the cache to keep
    for article in articles:  # a script that cannot be written stops the cleaning: nothing is lost
        if article.language not in voices:
            continue
        with article_step(article.slug, "writing the narration script"):
            voice = voices[article.language]
            needed.update(cache.key(voice, segment.spoken) for segment in narration_script(article, practice).segments)
    settings.out.mkdir(parents=True, exist_ok=True)
    with FileLock(settings.out / ".lock"):  # not while a build is using the cache
        unused = cache.keys() - needed
        freed = cache.remove(unused)
        in_use = {files.model for voice in voices.values() if (files := getattr(voice, "files", None))}
        models = outdated_models(settings.cache, in_use | {bundled_voice().model})
        for model in models:
            freed += model.stat().st_size
            model.unlink()
        return Removed(sentences=len(unused), freed_bytes=freed, kept=len(cache.keys()), models=len(models))
