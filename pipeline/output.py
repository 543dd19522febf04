"""Writing step: every output lands whole or not at all (temporary file, then rename)."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

TEMPORARY = re.compile(r"^\..+\.part$")  # what `write_atomic` leaves behind if it is killed


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename it in."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        if exc.filename is not None:
            raise
        # A full disk fails in write() or fsync(), whose error names no file: it is named here.
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
