"""Reading step: a source file's bytes, read only if it is a regular file, and never more than a limit.

A name in sources/ may be a link to `/dev/zero` (endless), a FIFO (a read that never returns)
or a file of gigabytes; each is refused before its content is read. The file is opened without
waiting (a FIFO's open would block), checked with fstat on what was opened, and read to one
byte past the limit, so its size is never taken on trust from a stat done earlier.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pipeline.errors import PipelineError, SourceError

_KINDS = {stat.S_ISDIR: "a folder", stat.S_ISCHR: "a device", stat.S_ISBLK: "a device", stat.S_ISFIFO: "a pipe (FIFO)",
          stat.S_ISSOCK: "a socket"}


def read_limited(path: Path, limit: int, what: str, error: type[PipelineError] = SourceError,
                 shown: str | None = None) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them; `error` names the file otherwise.

    `what` says what the file was expected to be ("an article"), `shown` how the file is named.
    """
    where = shown or str(path)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise error(f"{where}: file not found") from None
    except OSError as exc:
        raise error(f"{where}: cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS.items() if test(mode)), "not a regular file")
            raise error(f"{where}: is {kind}, not a file; expected {what}")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise error(f"{where}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(handle)
    if size > limit:
        raise error(f"{where}: larger than {_size(limit)}; expected {what}")
    return b"".join(chunks)


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} KB"
