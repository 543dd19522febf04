"""Stopping: worker threads leave Ctrl-C to the main thread, and an interrupt that something
swallowed still ends the command with 130 at the next safe point."""

from __future__ import annotations

import os
import signal
import sys
import threading

import pytest

from pipeline import cli, commands
from pipeline.stopping import STOPPING, stop_if_interrupted, stop_on_ctrl_c, worker_threads


@pytest.fixture(autouse=True)
def not_stopping():
    STOPPING.clear()
    yield
    STOPPING.clear()


def blocked_signals() -> set[int]:
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, []))


def test_worker_threads_and_the_threads_they_start_leave_ctrl_c_to_the_main_thread():
    def nested() -> set[int]:
        seen: list[set[int]] = []
        thread = threading.Thread(target=lambda: seen.append(blocked_signals()))
        thread.start()
        thread.join()
        return seen[0]

    with worker_threads(2, "test") as pool:
        assert {signal.SIGINT, signal.SIGTERM} <= pool.submit(blocked_signals).result()
        assert {signal.SIGINT, signal.SIGTERM} <= pool.submit(nested).result()
    assert signal.SIGINT not in blocked_signals()  # the main thread still takes it


def test_a_safe_point_stops_only_once_interrupted():
    stop_if_interrupted()  # not interrupted: carries on
    STOPPING.set()
    with pytest.raises(KeyboardInterrupt):
        stop_if_interrupted()


@pytest.fixture
def ctrl_c_handled(monkeypatch):
    """The CLI's handling of Ctrl-C in this process, undone afterwards."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    reported: list[BaseException] = []  # what Python would print as "Exception ignored in ..."
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: reported.append(unraisable.exc_value))
    stop_on_ctrl_c()
    yield reported
    for number, handler in handlers.items():
        signal.signal(number, handler)


class Finalised:
    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # the interrupt lands in a finaliser, which swallows it


def test_an_interrupt_swallowed_on_the_way_still_exits_130_with_one_line(ctrl_c_handled, monkeypatch, capsys,
                                                                        tmp_path):
    def run(command, settings, args) -> int:
        Finalised()
        return 0

    monkeypatch.setattr(commands, "run", run)
    assert cli.main(["build", "--sources", str(tmp_path), "--out", str(tmp_path / "out")]) == 130
    assert capsys.readouterr().err.strip().splitlines() == [
        "interrupted: stopped; finished outputs are complete, nothing half-written was kept"]
    assert ctrl_c_handled == []


def test_other_errors_in_finalisers_are_still_reported(ctrl_c_handled):
    class Broken:
        def __del__(self) -> None:
            raise ValueError("in a finaliser")

    Broken()
    assert [type(error) for error in ctrl_c_handled] == [ValueError]
