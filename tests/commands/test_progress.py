"""What a build tells the user while it runs: plain lines in logs, cancellation between steps."""

from __future__ import annotations

import io

import pytest

from pipeline.building.progress import BarReporter, Cancelled, PlainReporter, reporter_for


def test_plain_lines_report_each_quarter_with_time_left():
    stream = io.StringIO()
    reporter = PlainReporter(stream)
    reporter.step("sleep", "narrating 8 sentences with piper")
    for done in range(1, 9):
        reporter.sentences("sleep", done, 8)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "sleep: narrating 8 sentences with piper"
    assert [line.split(",")[0] for line in lines[1:]] == [
        "sleep: 2/8 sentences synthesized", "sleep: 4/8 sentences synthesized",
        "sleep: 6/8 sentences synthesized", "sleep: 8/8 sentences synthesized in 0.0 s"]
    assert all("left" in line for line in lines[1:-1])


def test_not_a_terminal_gets_plain_lines():
    assert isinstance(reporter_for(io.StringIO()), PlainReporter)


def test_a_cancelled_build_stops_at_the_next_sentence():
    reporter = PlainReporter(io.StringIO())
    reporter.sentences("sleep", 1, 8)
    reporter.cancelled.set()
    with pytest.raises(Cancelled):
        reporter.sentences("sleep", 2, 8)
    with pytest.raises(Cancelled):
        reporter.step("sleep", "writing")


def test_bar_reporter_tracks_each_article():
    reporter = BarReporter()
    try:
        reporter.sentences("sleep", 3, 8)
        reporter.sentences("worry", 1, 4)
        tasks = {task.description: (task.completed, task.total) for task in reporter.progress.tasks}
    finally:
        reporter.close()
    assert tasks == {"sleep: sentences": (3, 8), "worry: sentences": (1, 4)}
