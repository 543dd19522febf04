"""`clean` removes what the build wrote and refuses everything else, with one line saying why."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.building import build
from pipeline.commands import clean
from pipeline.errors import PipelineError
from pipeline.settings import Settings
from tests.conftest import SHORT_ARTICLE

ROOT = Path(__file__).resolve().parents[2]


def fake_build(out: Path, slug: str = "sleep-and-worry") -> None:
    """A build folder as the pipeline leaves it: manifests listing each output."""
    (out / slug).mkdir(parents=True)
    for folder, names in ((out, ["index.html", f"{slug}/index.html"]), (out / slug, [f"{slug}.pdf"])):
        for name in names:
            (folder / name).write_text("built")
        outputs = {name: {"key": "k", "sha256": "s", "size": 5} for name in names}
        (folder / ".manifest.json").write_text(json.dumps({"outputs": outputs, "facts": {}}))


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Settings:
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources)
    (sources / "articles" / "sleep-and-worry.md").write_text(SHORT_ARTICLE)
    monkeypatch.chdir(tmp_path)
    return Settings(sources=Path("sources"), out=Path("build"), cache=Path(".cache"))


def with_out(settings: Settings, out: Path | str) -> Settings:
    return Settings(sources=settings.sources, out=Path(out), cache=settings.cache)


def test_clean_removes_every_built_file_and_keeps_the_cache(project):
    fake_build(project.out)
    (project.out / "sleep-and-worry" / ".sleep-and-worry.pdf.x1.part").write_text("killed")
    (project.cache / "speech").mkdir(parents=True)
    (project.cache / "speech" / "entry.wav").write_text("kept")
    cleaned = clean(project)
    assert cleaned is not None and cleaned.files == 6
    assert not project.out.exists() and (project.cache / "speech" / "entry.wav").is_file()


@pytest.mark.parametrize("out", ["sources", "sources/articles", ".", "..", ".cache"],
                         ids=["sources", "inside-sources", "project-root", "above-project", "speech-cache"])
def test_clean_refuses_the_sources_the_project_and_the_cache(project, out):
    fake_build(Path(out))  # even with a manifest, these are never removed
    (project.cache / "speech").mkdir(parents=True, exist_ok=True)
    (project.cache / "speech" / "entry.wav").write_text("kept")
    with pytest.raises(PipelineError) as refused:
        clean(with_out(project, out))
    assert len(refused.value.problems) == 1 and "nothing removed" in refused.value.problems[0]
    assert (project.sources / "practice.toml").is_file()
    assert (project.sources / "articles" / "sleep-and-worry.md").is_file()
    assert (project.cache / "speech" / "entry.wav").is_file()


def test_clean_refuses_the_home_folder(project, tmp_path, monkeypatch):
    home = tmp_path / "home"
    fake_build(home)
    monkeypatch.setenv("HOME", str(home))
    with pytest.raises(PipelineError, match="is the home folder"):
        clean(with_out(project, home))
    assert (home / "index.html").is_file()


def test_clean_refuses_a_project_root(project, tmp_path):
    other = tmp_path / "elsewhere"
    fake_build(other)
    (other / "pyproject.toml").write_text("[project]\n")
    with pytest.raises(PipelineError, match="project's root folder"):
        clean(with_out(project, other))
    assert (other / "pyproject.toml").is_file()


def test_clean_refuses_a_folder_without_a_manifest(project, tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(PipelineError, match=r"holds no build manifest"):
        clean(with_out(project, photos))
    assert (photos / "holiday.jpg").is_file()


def test_clean_refuses_a_build_holding_files_it_did_not_write(project):
    fake_build(project.out)
    (project.out / "notes.txt").write_text("mine")
    (project.out / "sleep-and-worry" / "extra.pdf").write_text("mine")
    with pytest.raises(PipelineError) as refused:
        clean(project)
    assert refused.value.problems == (
        "build/: holds files the build did not write (notes.txt, sleep-and-worry/extra.pdf); nothing removed; "
        "move them elsewhere first",)
    assert (project.out / "index.html").is_file() and (project.out / "notes.txt").is_file()


def test_clean_never_follows_a_listed_name_out_of_the_build(project, tmp_path):
    fake_build(project.out)
    precious = tmp_path / "precious.txt"
    precious.write_text("mine")
    manifest = project.out / ".manifest.json"
    raw = json.loads(manifest.read_text())
    raw["outputs"]["../precious.txt"] = {"key": "k", "sha256": "s", "size": 4}
    manifest.write_text(json.dumps(raw))
    clean(project)
    assert precious.read_text() == "mine"


def test_clean_waits_for_no_build_and_leaves_its_lock(project):
    fake_build(project.out)
    lock = project.out / ".lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from filelock import FileLock; l = FileLock({str(lock)!r}); l.acquire(); "
                               "print('held', flush=True); input()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(PipelineError, match="a build is writing to it now"):
            clean(project)
        assert lock.is_file() and (project.out / "index.html").is_file()
    finally:
        holder.communicate("\n", timeout=10)
    assert clean(project) is not None and not project.out.exists()


def test_clean_refusal_is_one_line_from_the_command_line(project, tmp_path):
    result = subprocess.run([sys.executable, "-m", "pipeline", "clean", "--out", "sources"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert result.stderr == ("error: sources: is the sources folder; clean removes only a build folder, "
                             "nothing removed\n")
    assert (project.sources / "articles" / "sleep-and-worry.md").is_file()


def test_a_real_build_is_cleaned_completely(project):
    (project.out / "keep-me").mkdir(parents=True)
    (project.out / "keep-me" / ".draft.part").write_text("someone else's")
    settings = Settings(sources=project.sources, out=project.out, cache=project.cache,
                        only=frozenset({"pdf", "index"}), jobs=1)
    assert build(settings).ok
    # The build removes temporaries only where it writes, never in a folder it does not own.
    assert (project.out / "keep-me" / ".draft.part").is_file()
    shutil.rmtree(project.out / "keep-me")
    cleaned = clean(project)
    assert cleaned is not None and cleaned.files >= 5 and not project.out.exists()
