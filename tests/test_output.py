"""Writing outputs: a file lands whole or not at all, and a full disk names the file it could not write."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.output import write_atomic


def full(descriptor: int) -> None:
    """fsync on a full disk."""
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_names_the_file_and_leaves_nothing_half_written(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "sleep" / "sleep.pdf"
    with pytest.raises(OSError) as caught:
        write_atomic(target, b"%PDF-1.7")
    assert (caught.value.errno, caught.value.filename) == (errno.ENOSPC, str(target))
    assert str(target) in str(caught.value)
    assert list(target.parent.iterdir()) == []


def test_a_full_disk_during_a_build_step_is_one_line_naming_the_file(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.building import article_step

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "sleep.pdf"
    with pytest.raises(PipelineError) as caught, article_step("sleep", "writing the handout"):
        write_atomic(target, b"%PDF-1.7")
    assert caught.value.problems == (f"sleep: writing the handout: unexpected OSError: [Errno 28] No space left on "
                                     f"device: '{target}'",)
