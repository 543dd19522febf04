"""`clean`: remove what the build wrote, and nothing else.

A folder is cleaned only when it carries the pipeline's own manifests, and then only the files
they list, the manifests themselves, the build lock and the build's temporaries go. The sources,
the speech cache, the project root, the home folder and any folder holding a file the build did
not write are refused with one line saying why, before anything is removed. The build lock is
held throughout, so `clean` never runs beside a build, and the lock file is removed only while
this process holds it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from pipeline.errors import PipelineError
from pipeline.output import TEMPORARY
from pipeline.rebuild import MANIFEST
from pipeline.settings import Settings

LOCK = ".lock"
PROJECT_MARKERS = (".git", "pyproject.toml")


@dataclass(frozen=True)
class Cleaned:
    files: int
    freed_bytes: int


def clean(settings: Settings) -> Cleaned | None:
    """Remove the build in `settings.out`; None when there is no such folder."""
    out = settings.out
    _refuse_protected(out, settings)
    if not out.exists():
        return None
    if not out.is_dir() or out.is_symlink():
        raise PipelineError(f"{out}: --out is not a folder the build made; nothing removed")
    own = _listed_files(out)
    if own is None:
        if any(path.name != LOCK for path in out.iterdir()):
            raise PipelineError(f"{out}/: holds no build manifest ({MANIFEST}), so the pipeline did not "
                                "build it; nothing removed")
        own = set()
    lock = FileLock(out / LOCK)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise PipelineError(f"{out}/: a build is writing to it now; nothing removed (try again when it "
                            "has finished)") from None
    try:
        foreign = _foreign_files(out, own | {out / LOCK})
        if foreign:
            shown = ", ".join(str(path.relative_to(out)) for path in foreign[:3])
            more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
            raise PipelineError(f"{out}/: holds files the build did not write ({shown}{more}); nothing "
                                "removed; move them elsewhere first")
        freed = 0
        for path in sorted(own, key=lambda p: p.name == MANIFEST):  # manifests last
            if path.is_file():
                freed += path.stat().st_size
                path.unlink()
        for folder, _, _ in sorted(os.walk(out), key=lambda entry: -len(Path(entry[0]).parts)):
            if Path(folder) != out and not any(Path(folder).iterdir()):
                Path(folder).rmdir()
        (out / LOCK).unlink(missing_ok=True)  # still ours: the lock is held until just below
    finally:
        lock.release()
    if not any(out.iterdir()):
        out.rmdir()
    return Cleaned(files=len(own), freed_bytes=freed)


def _refuse_protected(out: Path, settings: Settings) -> None:
    """The sources, the speech cache, the project, home and everything holding them stay."""
    target = out.resolve()
    protected = {
        settings.sources.resolve(): "the sources folder",
        settings.cache.resolve(): "the speech cache",
        Path.cwd().resolve(): "the folder the pipeline runs in",
        Path.home().resolve(): "the home folder",
    }
    for place, what in protected.items():
        if target == place or target in place.parents:
            whose = "is" if target == place else "holds"
            raise PipelineError(f"{out}: {whose} {what}; clean removes only a build folder, nothing removed")
    if any((target / marker).exists() for marker in PROJECT_MARKERS):
        raise PipelineError(f"{out}: is a project's root folder; clean removes only a build folder, "
                            "nothing removed")


def _manifest_outputs(folder: Path) -> list[str] | None:
    """The output names a folder's manifest lists, or None when it has no manifest of ours."""
    try:
        raw = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        outputs = raw["outputs"]
        if not all(isinstance(name, str) and {"key", "sha256"} <= set(entry) for name, entry in outputs.items()):
            return None
        return list(outputs)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _listed_files(out: Path) -> set[Path] | None:
    """Every file the build's manifests list (top folder, article and packet folders), with the manifests
    and temporaries; None when no manifest of ours is found."""
    own: set[Path] = set()
    found = False
    packets = out / "packets"  # build/packets/<name>/: the client packets, a folder each
    folders = [path for path in out.iterdir() if path.is_dir() and not path.is_symlink()]
    if packets.is_dir() and not packets.is_symlink():
        folders += [path for path in packets.iterdir() if path.is_dir() and not path.is_symlink()]
    for folder in (out, *sorted(folders)):
        names = _manifest_outputs(folder)
        if names is None:
            continue
        found = True
        own.add(folder / MANIFEST)
        for name in names:
            path = folder / name
            # A listed name that leads out of the folder is not one the build wrote.
            if ".." not in Path(name).parts and not Path(name).is_absolute():
                own.add(path)
        own.update(path for path in folder.iterdir() if TEMPORARY.match(path.name) and path.is_file())
    return own if found else None


def _foreign_files(out: Path, own: set[Path]) -> list[Path]:
    """Files and links under `out` that the build did not write (links are never followed)."""
    foreign: list[Path] = []
    for folder, folders, files in os.walk(out):
        here = Path(folder)
        foreign.extend(here / name for name in folders if (here / name).is_symlink())
        foreign.extend(here / name for name in files
                       if (here / name) not in own or (here / name).is_symlink())
    return sorted(foreign)
