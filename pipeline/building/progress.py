"""Telling the user what a build is doing: progress bars on a terminal, plain lines elsewhere."""

from __future__ import annotations

import sys
import threading
import time
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.progress import TaskID


class Cancelled(Exception):
    """Raised inside a worker when the user interrupted the build."""


class Reporter(Protocol):
    def step(self, slug: str, message: str) -> None: ...
    def sentences(self, slug: str, done: int, total: int) -> None: ...
    def close(self) -> None: ...


class _Cancellable:
    def __init__(self) -> None:
        self.cancelled = threading.Event()

    def check(self) -> None:
        if self.cancelled.is_set():
            raise Cancelled()


class PlainReporter(_Cancellable):
    """One line per step, and synthesis progress about every 25 %, for logs and CI."""

    def __init__(self, stream=sys.stderr) -> None:
        super().__init__()
        self.stream = stream
        self.lock = threading.Lock()
        self.last: dict[str, int] = {}
        self.started: dict[str, float] = {}

    def _line(self, text: str) -> None:
        with self.lock:
            print(text, file=self.stream, flush=True)

    def step(self, slug: str, message: str) -> None:
        self.check()
        self._line(f"{slug}: {message}")

    def sentences(self, slug: str, done: int, total: int) -> None:
        self.check()
        start = self.started.setdefault(slug, time.monotonic())
        quarter = done * 4 // max(total, 1)
        if done == total or quarter > self.last.get(slug, 0):
            self.last[slug] = quarter
            elapsed = time.monotonic() - start
            eta = elapsed / done * (total - done) if done else 0
            self._line(f"{slug}: {done}/{total} sentences synthesized"
                       + (f", about {eta:.0f} s left" if done < total else f" in {elapsed:.1f} s"))

    def close(self) -> None:
        pass


class BarReporter(_Cancellable):
    """A rich progress bar per article while its sentences are synthesized, with an ETA."""

    def __init__(self) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self.tasks: dict[str, TaskID] = {}
        self.lock = threading.Lock()
        self.progress.start()

    def step(self, slug: str, message: str) -> None:
        self.check()
        self.progress.console.print(f"{slug}: {message}")

    def sentences(self, slug: str, done: int, total: int) -> None:
        self.check()
        with self.lock:
            if slug not in self.tasks:
                self.tasks[slug] = self.progress.add_task(f"{slug}: sentences", total=total)
        self.progress.update(self.tasks[slug], completed=done, total=total)

    def close(self) -> None:
        self.progress.stop()


def reporter_for(stream=sys.stderr) -> PlainReporter | BarReporter:
    return BarReporter() if stream.isatty() else PlainReporter(stream)
