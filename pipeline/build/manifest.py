"""What each output was built from: content hashes kept beside the outputs, not file times."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from pipeline.audio import Chapter, Cue, Recording
from pipeline.output import write_atomic
from pipeline.templates import TEMPLATES

MANIFEST = ".manifest.json"
PACKAGE = Path(__file__).resolve().parent.parent


def fingerprint(*parts: object) -> str:
    """A stable hash of values (dataclasses, models, strings, bytes) that an output depends on."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            digest.update(part)
        elif hasattr(part, "model_dump_json"):
            digest.update(part.model_dump_json().encode())
        else:
            digest.update(repr(part).encode())
        digest.update(b"\x1f")
    return digest.hexdigest()


@cache
def pipeline_version() -> str:
    """A hash of the pipeline's code and templates: changing either rebuilds what they make."""
    digest = hashlib.sha256()
    for folder in (PACKAGE, TEMPLATES):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class Entry:
    key: str  # fingerprint of the inputs
    sha256: str  # of the file written
    size: int


@dataclass
class Manifest:
    """One article folder's record: each output's inputs and the facts the summary shows."""

    outputs: dict[str, Entry] = field(default_factory=dict)
    facts: dict[str, object] = field(default_factory=dict)  # pages, recording timings

    def is_current(self, folder: Path, name: str, key: str) -> bool:
        entry = self.outputs.get(name)
        if entry is None or entry.key != key:
            return False
        path = folder / name
        return path.is_file() and path.stat().st_size == entry.size

    def record(self, name: str, key: str, data: bytes) -> None:
        self.outputs[name] = Entry(key, hashlib.sha256(data).hexdigest(), len(data))


def read_manifest(folder: Path) -> Manifest:
    try:
        raw = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        outputs = {name: Entry(**entry) for name, entry in raw["outputs"].items()}
        return Manifest(outputs, dict(raw.get("facts", {})))
    except (OSError, ValueError, KeyError, TypeError):
        return Manifest()  # missing or damaged: everything is rebuilt


def write_manifest(folder: Path, manifest: Manifest) -> None:
    data = {"outputs": {name: asdict(entry) for name, entry in sorted(manifest.outputs.items())},
            "facts": manifest.facts}
    write_atomic(folder / MANIFEST, json.dumps(data, indent=1, sort_keys=True) + "\n")


def recording_facts(recording: Recording) -> dict[str, object]:
    return {"duration_ms": recording.duration_ms,
            "chapters": [asdict(chapter) for chapter in recording.chapters],
            "cues": [asdict(cue) for cue in recording.cues]}


def recording_from_facts(facts: dict[str, object], mp3: bytes, captions: str) -> Recording:
    """The recording of an earlier build, rebuilt from its manifest and files without synthesis."""
    return Recording(
        mp3=mp3, captions=captions, duration_ms=int(facts["duration_ms"]),
        chapters=tuple(Chapter(**chapter) for chapter in facts["chapters"]),
        cues=tuple(Cue(**cue) for cue in facts["cues"]),
    )
