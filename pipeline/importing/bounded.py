"""Import step: a reader that cannot be bounded from inside runs in a child process with limits.

mammoth reads a whole Word document at once, and its time and memory grow with what the
document holds, not with its size on disk. It runs in a forked child whose address space is
capped (RLIMIT_AS) and which is stopped after a time limit, so one hostile file costs at most
about a minute and half a gigabyte, says so in one line, and the import goes on with the others.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TypeVar

from pipeline.errors import ImportFailed

SECONDS = 60
MEMORY_BYTES = 500_000_000  # on top of what the process already has when it forks

T = TypeVar("T")


def bounded(read: Callable[[Path], T], path: Path, seconds: float = SECONDS, memory: int = MEMORY_BYTES) -> T:
    """`read(path)` in a child process held to `seconds` and `memory` more bytes; ImportFailed past either."""
    context = multiprocessing.get_context("fork")  # the child shares the loaded modules; nothing is pickled in
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sending, read, path, memory), daemon=True)
    child.start()
    sending.close()
    try:
        if not receiving.poll(seconds):
            raise ImportFailed(f"{path}: took longer than {seconds:.0f} s to read, the most one file may take; "
                               "save it again (it may hold thousands of empty or hidden parts), or split it")
        try:
            kind, value = receiving.recv()
        except EOFError:  # the child ended without a word: the system stopped it (memory)
            kind, value = "memory", None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiving.close()
    if kind == "memory":
        raise ImportFailed(f"{path}: needs more than {memory // 1_000_000} MB of memory to read, the most one file "
                           "may take; save it again (pictures compressed), or split it")
    if kind == "failed":
        raise ImportFailed(*value)
    if kind == "error":
        raise ImportFailed(f"{path}: could not be read ({value})")
    return value


def _child(sending: Connection, read: Callable[[Path], object], path: Path, memory: int) -> None:
    try:
        in_use = os.sysconf("SC_PAGE_SIZE") * int(Path("/proc/self/statm").read_text().split()[0])
        resource.setrlimit(resource.RLIMIT_AS, (in_use + memory, in_use + memory))
    except (OSError, ValueError):
        pass  # no /proc (not Linux): the time limit still holds
    try:
        result: tuple[str, object] = ("done", read(path))
    except MemoryError:
        result = ("memory", None)
    except ImportFailed as exc:
        result = ("failed", exc.problems)
    except Exception as exc:  # noqa: BLE001 - one line for the parent, never a traceback
        result = ("error", f"{type(exc).__name__}: {str(exc)[:200]}")
    try:
        sending.send(result)
    except MemoryError:
        sending.send(("memory", None))
    sending.close()
    os._exit(0)  # no atexit handlers or buffers of the parent's run twice
