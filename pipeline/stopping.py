"""Stopping on Ctrl-C or `kill`: promptly, wherever the build is, and only at whole outputs.

Ctrl-C (or `kill`) sets `STOPPING` and raises KeyboardInterrupt in the main thread. Two things
keep that prompt and reliable:

- Worker threads (`worker_threads`) block SIGINT and SIGTERM, so the kernel delivers them to the
  main thread, whose wait (for a sentence, a page, ffmpeg) is interrupted at once. A signal
  delivered to a busy worker instead would wait for the main thread's next wake-up.
- `stop_if_interrupted` is called at points where stopping is safe (each step, each sentence,
  before outputs are written), so an interrupt that landed somewhere that swallowed it (a
  finaliser, a library's cleanup) still stops the build there.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

# Set when the user interrupts: every wait that may be long (a retry's backoff) waits on it.
STOPPING = threading.Event()

_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def stop_if_interrupted() -> None:
    """Once the user has interrupted, stop here: a point where stopping leaves nothing half-made."""
    if STOPPING.is_set():
        raise KeyboardInterrupt


def stop_on_ctrl_c() -> None:
    """From now on, Ctrl-C and `kill` stop this process (see the module's docstring)."""
    for number in _SIGNALS:
        signal.signal(number, _stop)
    if not isinstance(sys.unraisablehook, _UnlessStopping):
        sys.unraisablehook = _UnlessStopping(sys.unraisablehook)


def _stop(signum: int, frame: object) -> None:
    STOPPING.set()  # waits in worker threads (a retry's backoff) end at once
    raise KeyboardInterrupt


class _UnlessStopping:
    """sys.unraisablehook that drops an interrupt swallowed while stopping (the next safe point
    stops the build) and reports everything else as before."""

    def __init__(self, report: Callable[[sys.UnraisableHookArgs], object]) -> None:
        self.report = report

    def __call__(self, unraisable: sys.UnraisableHookArgs) -> None:
        if not (STOPPING.is_set() and isinstance(unraisable.exc_value, KeyboardInterrupt)):
            self.report(unraisable)


def _leave_signals_to_the_main_thread() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)


def worker_threads(workers: int, name: str) -> ThreadPoolExecutor:
    """A pool of threads that leave Ctrl-C to the main thread, as do the threads they start (an
    ffmpeg they start ends with its pipes when the build stops)."""
    return ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name,
                              initializer=_leave_signals_to_the_main_thread)
