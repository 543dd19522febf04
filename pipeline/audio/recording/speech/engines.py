"""Speech engines behind one small interface, chosen by name (`piper` offline, `gtts` online opt-in).

The offline engine speaks each language with a Piper voice, or, for Spanish, which no Piper voice
on PyPI speaks, with Kokoro: by default when `[speech.voices]` names no Piper voice for it, or when
it names a Kokoro voice (`es = "jm_kumo"`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from pipeline.errors import SpeechError
from pipeline.sources import SpeechSettings


class Voice(Protocol):
    """One engine with one voice and its settings, ready to speak sentences.

    `identity` names the voice and every setting that changes its sound; with `engine` and the
    text it keys the speech cache. `workers` is how many sentences may be spoken at once.
    """

    @property
    def engine(self) -> str: ...
    @property
    def identity(self) -> str: ...
    @property
    def sample_rate(self) -> int: ...
    @property
    def workers(self) -> int: ...

    def speak(self, text: str) -> bytes:
        """The sentence as 16-bit mono PCM at `sample_rate`, without added silence."""
        ...


def _piper(settings: SpeechSettings, workdir: Path | None, language: str, sources: Path | None) -> Voice:
    from pipeline.audio.recording.speech.kokoro import LANGUAGES, VOICES, kokoro_voice
    from pipeline.audio.recording.speech.piper import piper_voice
    from pipeline.audio.recording.speech.voices import MissingVoice

    chosen = settings.voices.get(language)
    if chosen in VOICES:
        return kokoro_voice(settings, workdir, language, chosen)
    try:
        return piper_voice(settings, workdir, language, sources)
    except MissingVoice:
        if language in LANGUAGES and not chosen:
            return kokoro_voice(settings, workdir, language)
        raise


def _gtts(settings: SpeechSettings, workdir: Path | None, language: str, sources: Path | None) -> Voice:
    from pipeline.audio.recording.speech.gtts import google_voice

    return google_voice(settings, language)


# Engine modules are imported only when chosen, so Piper's runtime never loads for gTTS and back.
# Each takes the profile's speech settings, a folder where the engine may keep what it prepares,
# the language to speak and the sources folder (where voice files live).
ENGINES: dict[str, Callable[[SpeechSettings, Path | None, str, Path | None], Voice]] = {
    "piper": _piper, "gtts": _gtts}


def load_voice(engine: str, settings: SpeechSettings, workdir: Path | None = None, language: str = "en",
               sources: Path | None = None) -> Voice:
    """The voice of the engine named `engine` (from `--engine` or the profile's speech.engine) for
    text in `language`.

    `workdir` (the speech cache folder) is where an engine may keep files it prepares once. Raises
    `MissingVoice` (a SpeechError) when the engine has no voice for the language.
    """
    if engine not in ENGINES:
        known = ", ".join(sorted(ENGINES))
        raise SpeechError(f"unknown speech engine {engine!r}; known engines: {known}")
    return ENGINES[engine](settings, workdir, language, sources)
