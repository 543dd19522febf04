"""What each output was built from: content hashes kept beside the outputs, not file times."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.output import write_atomic
from pipeline.stopping import stop_if_interrupted

MANIFEST = ".manifest.json"


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


@dataclass
class Entry:
    key: str  # fingerprint of the inputs
    sha256: str  # of the file written
    size: int


@dataclass
class Manifest:
    """One article folder's record: each output's inputs and the facts the summary shows."""

    outputs: dict[str, Entry] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)  # pages, recording timings (as JSON holds them)

    def is_current(self, folder: Path, name: str, key: str) -> bool:
        entry = self.outputs.get(name)
        if entry is None or entry.key != key:
            return False
        path = folder / name
        # By content, not size: a damaged file of the same size is rebuilt too.
        return path.is_file() and path.stat().st_size == entry.size and _file_sha256(path) == entry.sha256

    def record(self, name: str, key: str, data: bytes) -> None:
        self.outputs[name] = Entry(key, hashlib.sha256(data).hexdigest(), len(data))


def _file_sha256(path: Path) -> str:
    status = path.stat()
    return _digest(path, status.st_size, status.st_mtime_ns, status.st_ino)


@lru_cache(maxsize=4096)
def _digest(path: Path, size: int, mtime_ns: int, inode: int) -> str:
    """A file's SHA-256, read once per build: the build and then the library pages ask for each
    output's (any change to the file on disk gives it another size, time or inode, and so a new read)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


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


class ArticleOutputs:
    """One article folder: what is current, what was made now, and the bytes of either on demand."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.manifest: Manifest = read_manifest(folder)
        self._facts_read = json.dumps(self.manifest.facts, sort_keys=True)
        self.new: dict[str, bytes] = {}
        self.dropped: list[str] = []

    def current(self, name: str, key: str) -> bool:
        return name not in self.new and self.manifest.is_current(self.folder, name, key)

    def made_from(self, name: str, key: str) -> bool:
        """Made from `key`: this time, or earlier and still whole on disk."""
        entry = self.manifest.outputs.get(name)
        return entry is not None and entry.key == key and (name in self.new or self.current(name, key))

    def put(self, name: str, key: str, data: bytes | str) -> bytes:
        data = data.encode("utf-8") if isinstance(data, str) else data
        self.new[name] = data
        self.manifest.record(name, key, data)
        return data

    def read(self, name: str) -> bytes:
        return self.new[name] if name in self.new else (self.folder / name).read_bytes()

    def drop(self, *names: str) -> None:
        """Outputs that must no longer be there (audio from before its voice was removed)."""
        for name in names:
            if self.manifest.outputs.pop(name, None) is not None:
                self.dropped.append(name)

    def sha(self, name: str) -> str:
        entry = self.manifest.outputs.get(name)
        return entry.sha256 if entry else ""

    def commit(self) -> None:
        """Write what was made, then the manifest: an interrupted build leaves older, whole files."""
        stop_if_interrupted()  # nothing new is written once the user has asked to stop
        for name, data in self.new.items():
            write_atomic(self.folder / name, data)
        if self.new or self.dropped or json.dumps(self.manifest.facts, sort_keys=True) != self._facts_read:
            write_manifest(self.folder, self.manifest)
        for name in self.dropped:
            (self.folder / name).unlink(missing_ok=True)
