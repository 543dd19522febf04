"""An article whose source is removed leaves the build folder on the next full build, with one line;
nothing the build did not write goes, and a partial build withdraws nothing."""

from __future__ import annotations

import shutil
from dataclasses import replace

from pipeline.building import build
from tests.rebuild.test_incremental import counted  # noqa: F401 (the counting build, shared)


def test_a_removed_source_withdraws_its_outputs_and_page(counted):  # noqa: F811
    calls, settings = counted
    assert build(settings, makers=calls.makers).ok
    folder = settings.out / "sleep-and-worry"
    assert (folder / "sleep-and-worry.pdf").is_file()
    (settings.articles_dir / "sleep-and-worry.md").unlink()
    report = build(settings, makers=calls.makers)
    assert report.withdrawn == [f"withdrawn: {folder}/ removed (its source "
                                f"{settings.articles_dir / 'sleep-and-worry.md'} is gone)"]
    assert not folder.exists()
    assert "sleep-and-worry" not in (settings.out / "index.html").read_text()
    assert (settings.out / "codependency" / "codependency.pdf").is_file()
    assert build(settings, makers=calls.makers).withdrawn == []  # said once


def test_a_file_the_build_did_not_write_stays(counted):  # noqa: F811
    calls, settings = counted
    assert build(settings, makers=calls.makers).ok
    folder = settings.out / "sleep-and-worry"
    (folder / "notes.txt").write_text("mine")
    (settings.articles_dir / "sleep-and-worry.md").unlink()
    assert build(settings, makers=calls.makers).withdrawn
    assert sorted(path.name for path in folder.iterdir()) == ["notes.txt"]


def test_a_partial_build_or_another_sources_folder_withdraws_nothing(counted, tmp_path):  # noqa: F811
    calls, settings = counted
    assert build(settings, makers=calls.makers).ok
    (settings.articles_dir / "sleep-and-worry.md").unlink()
    assert build(replace(settings, only=frozenset({"pdf"})), makers=calls.makers).withdrawn == []
    assert build(settings, ("codependency",), makers=calls.makers).withdrawn == []
    other = tmp_path / "other-sources"
    shutil.copytree(settings.sources, other)
    assert build(replace(settings, sources=other), makers=calls.makers).withdrawn == []
    assert (settings.out / "sleep-and-worry" / "sleep-and-worry.pdf").is_file()


def test_an_unreadable_source_is_not_withdrawn(counted):  # noqa: F811
    calls, settings = counted
    assert build(settings, makers=calls.makers).ok
    path = settings.articles_dir / "sleep-and-worry.md"
    path.write_text("---\ntitle: [broken\n---\nText.\n")
    report = build(settings, makers=calls.makers)
    assert report.withdrawn == [] and report.problems
    assert (settings.out / "sleep-and-worry" / "sleep-and-worry.pdf").is_file()
