"""`publish`: copy the upload set — the client outputs that are current, of approved articles —
from the build folder into a folder of its own, ready to upload to the practice's website."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from pipeline.building import RunContext, load_sources, upload_set
from pipeline.errors import PipelineError
from pipeline.settings import Settings

MARK = ".upload-set"  # written into every upload set: only such a folder is ever replaced


@dataclass(frozen=True)
class Published:
    folder: Path
    files: int
    size: int
    left_out: dict[str, int]


def publish(settings: Settings, to: Path) -> Published:
    """Replace `to` with the upload set; refuses a folder that is not an earlier upload set."""
    if not (settings.out / "index.html").is_file():
        raise PipelineError(f"{settings.out}/: nothing built yet; run the build first")
    if to.exists() and (not to.is_dir() or to.is_symlink() or (any(to.iterdir()) and not (to / MARK).is_file())):
        raise PipelineError(f"{to}: not an upload set the pipeline made (no {MARK} in it); nothing "
                            "written; choose a new or empty folder")
    if to.resolve() == settings.out.resolve() or settings.out.resolve() in to.resolve().parents:
        raise PipelineError(f"{to}: inside the build folder {settings.out}/; choose a folder beside it")
    practice, library, _ = load_sources(settings)
    with FileLock(settings.out / ".lock"):  # never beside a build writing these files
        chosen = upload_set(library, RunContext(settings, practice))
        to.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=to.parent, prefix=f".{to.name}.", suffix=".part"))
        try:
            size = 0
            for name in chosen.files:
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(settings.out / name, target)
                size += target.stat().st_size
            (staging / MARK).write_text("Made by `publish` from the build folder; replaced on every publish.\n",
                                        encoding="utf-8")
            if to.exists():
                shutil.rmtree(to)
            staging.rename(to)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return Published(to, len(chosen.files), size, chosen.left_out)
