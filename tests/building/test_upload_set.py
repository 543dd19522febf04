"""The upload set holds exactly the client outputs of the registry that are current: no e-mail
draft, no staff file, nothing out of date; it replaces only a folder it made itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.building import build
from pipeline.commands import publish
from pipeline.errors import PipelineError
from pipeline.outputs import OUTPUTS
from tests.rebuild.test_incremental import counted  # noqa: F401 (the counting build, shared)


def uploaded(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}


def test_the_upload_set_is_the_client_outputs_and_never_a_draft(counted, tmp_path):  # noqa: F811
    calls, settings = counted
    assert build(settings, makers=calls.makers).ok
    assert (settings.out / "codependency" / "codependency.eml").is_file()  # built for staff
    done = publish(settings, tmp_path / "upload")
    files = uploaded(tmp_path / "upload")
    assert not [name for name in files if name.endswith(".eml")]
    for slug in ("codependency", "sleep-and-worry"):
        for name in (f"{slug}.pdf", f"{slug}-large-print.pdf", f"{slug}.mp3", f"{slug}.vtt", f"{slug}.epub",
                     "index.html"):
            assert f"{slug}/{name}" in files
    assert "index.html" in files and ".upload-set" in files
    assert done.files == len(files) - 1
    assert done.left_out == {"e-mail drafts and other staff files": 2, "staff pages": 1}
    assert "staff.html" not in files and (settings.out / "staff.html").is_file()
    # Only what the registry calls a client's is there: every file's kind is a client output.
    client = {o.name(slug) for o in OUTPUTS if o.audience == "client" and o.file
              for slug in ("codependency", "sleep-and-worry", "")}
    assert {Path(name).name for name in files} - {".upload-set"} <= client


def test_an_out_of_date_file_is_left_out(counted, tmp_path):  # noqa: F811
    calls, settings = counted
    assert build(settings, makers=calls.makers).ok
    path = settings.articles_dir / "codependency.md"
    path.write_text(path.read_text().replace("garden variety", "ordinary"))  # not built again
    done = publish(settings, tmp_path / "upload")
    files = uploaded(tmp_path / "upload")
    assert "codependency/codependency.pdf" not in files and "sleep-and-worry/sleep-and-worry.pdf" in files
    assert done.left_out["files out of date with their sources (build first)"] >= 2


def test_publish_replaces_only_its_own_folder(counted, tmp_path):  # noqa: F811
    calls, settings = counted
    assert build(settings, makers=calls.makers).ok
    mine = tmp_path / "site"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    with pytest.raises(PipelineError, match="not an upload set"):
        publish(settings, mine)
    assert (mine / "notes.txt").read_text() == "keep me"
    publish(settings, tmp_path / "upload")
    (tmp_path / "upload" / "stale.pdf").write_text("old")
    publish(settings, tmp_path / "upload")  # its own folder: made anew
    assert not (tmp_path / "upload" / "stale.pdf").exists()


def test_the_staff_page_is_built_with_each_articles_e_mail_draft(counted):  # noqa: F811
    calls, settings = counted
    assert build(settings, makers=calls.makers).ok
    staff = (settings.out / "staff.html").read_text()
    assert 'href="codependency/codependency.eml"' in staff and 'href="sleep-and-worry/sleep-and-worry.eml"' in staff
    assert "Thunderbird" in staff
    calls.clear()
    assert build(settings, makers=calls.makers).ok and not calls  # made again only when what it shows changes
