"""Each output's key holds exactly what it reads: real template edits, the voice, the sources path."""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

import pipeline.audio.recording.speech.piper as piper_engine
from pipeline.building.engine import build
from pipeline.rebuild import inputs
from tests.rebuild import test_incremental
from tests.rebuild.test_incremental import run_build

counted = test_incremental.counted  # the same counting build, shared

SLUGS = ("codependency", "sleep-and-worry")


@pytest.fixture
def templates(tmp_path, monkeypatch):
    """A copy of the real templates that the build's keys read, to edit as a designer would."""
    copy = tmp_path / "templates"
    shutil.copytree(inputs.TEMPLATES, copy)
    monkeypatch.setattr(inputs, "TEMPLATES", copy)
    inputs.forget_versions()
    yield copy
    inputs.forget_versions()


def edit(path: Path, text: str = "\n/* edited */\n") -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    inputs.forget_versions()


def each(*parts: str) -> Counter:
    return Counter({f"{slug}:{part}": 1 for slug in SLUGS for part in parts})


@pytest.mark.parametrize(("template", "rebuilt"), [
    ("library.css", each("page") + Counter({"index": 1})),
    ("library-stamp.html.j2", each("page") + Counter({"index": 1})),  # included by both pages
    ("library.js", Counter({"index": 1})),
    ("read-along.js", each("page")),
    ("handout.css", each("regular", "large-print")),
    ("large-print.css", each("regular", "large-print")),
    ("email.txt.j2", each("email")),
], ids=lambda value: value if isinstance(value, str) else "")
def test_editing_a_real_template_rebuilds_only_what_reads_it(counted, templates, template, rebuilt):
    calls, settings = counted
    run_build(calls, settings)
    edit(templates / template, "\n{# edited #}\n" if template.endswith(".j2") else "\n/* edited */\n")
    assert run_build(calls, settings) == rebuilt
    assert run_build(calls, settings) == Counter()


def test_summary_and_tags_edits_do_not_remaster_the_audio(counted):
    calls, settings = counted
    run_build(calls, settings)
    path = settings.articles_dir / "sleep-and-worry.md"
    path.write_text(path.read_text().replace("summary: Why worry keeps us awake.",
                                             "summary: Why worry keeps us up.\ntags: [sleep, worry]"))
    changed = run_build(calls, settings)
    assert changed["sleep-and-worry:audio"] == 0 and changed["sleep-and-worry:email"] == 1


def test_sources_spelled_relative_or_absolute_is_a_no_op(counted, monkeypatch):
    calls, settings = counted
    monkeypatch.chdir(settings.sources.parent)
    run_build(calls, replace(settings, sources=Path("sources"), out=Path("build"), cache=Path("cache")))
    assert run_build(calls, settings) == Counter()
    assert run_build(calls, replace(settings, sources=Path("./sources/../sources"))) == Counter()


def test_a_damaged_output_of_the_same_size_is_rebuilt(counted):
    calls, settings = counted
    run_build(calls, settings)
    pdf = settings.out / "codependency" / "codependency.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0xFF
    pdf.write_bytes(bytes(data))
    assert run_build(calls, settings) == Counter({"codependency:regular": 1})


@pytest.fixture
def fresh_identity():
    """The voice's identity is worked out once per process; an upgrade is seen by the next one."""
    piper_engine._identity.cache_clear()
    yield
    piper_engine._identity.cache_clear()


def test_a_new_voice_or_runtime_renarrates(counted, monkeypatch, fresh_identity):
    calls, settings = counted
    run_build(calls, settings)
    real = piper_engine.version
    monkeypatch.setattr(piper_engine, "version", lambda name: "99.0" if name == "onnxruntime" else real(name))
    piper_engine._identity.cache_clear()  # as the next process after the upgrade
    assert run_build(calls, settings) == each("audio")


def test_only_email_renders_nothing_else_and_says_what_is_missing(counted):
    calls, settings = counted
    only_email = replace(settings, only=frozenset({"email"}))
    calls.clear()
    report = build(only_email)
    assert calls == Counter()
    assert report.problems == [
        f"{slug}: writing the e-mail draft: it attaches {slug}.pdf and {slug}.mp3, missing or out of date; "
        f"build them first (.venv/bin/handouts build {slug}), then --only email" for slug in SLUGS]
    run_build(calls, settings)
    path = settings.articles_dir / "sleep-and-worry.md"
    path.write_text(path.read_text().replace("louder at night", "louder after dark"))
    calls.clear()
    report = build(only_email)
    assert calls == Counter()  # the stale handout and recording are named, not rebuilt
    assert report.problems == [
        "sleep-and-worry: writing the e-mail draft: it attaches sleep-and-worry.pdf and sleep-and-worry.mp3, "
        "missing or out of date; build them first (.venv/bin/handouts build sleep-and-worry), then --only email"]


def test_only_index_never_narrates_or_renders(counted):
    calls, settings = counted
    run_build(calls, settings)
    path = settings.articles_dir / "sleep-and-worry.md"
    path.write_text(path.read_text().replace("louder at night", "louder after dark"))
    assert run_build(calls, replace(settings, only=frozenset({"index"}))) == Counter(
        {"sleep-and-worry:page": 1, "index": 1})


def test_pages_link_only_files_that_are_current(counted):
    calls, settings = counted
    run_build(calls, settings)
    path = settings.articles_dir / "codependency.md"
    path.write_text(path.read_text().replace("garden variety", "ordinary"))
    run_build(calls, replace(settings, only=frozenset({"pdf", "index"})))
    page = (settings.out / "codependency" / "index.html").read_text()
    # The handouts were rebuilt; the recording and draft still hold the old text: not linked.
    assert page.endswith(" codependency-large-print.pdf codependency.pdf</html>")
    assert "codependency.mp3" not in page and "codependency.eml" not in page
    other = (settings.out / "sleep-and-worry" / "index.html").read_text()
    assert "sleep-and-worry.mp3" in other and "sleep-and-worry.eml" in other
    (settings.out / "sleep-and-worry" / "sleep-and-worry.vtt").write_text("WEBVTT\n\ndamaged\n")
    run_build(calls, replace(settings, only=frozenset({"index"})))
    other = (settings.out / "sleep-and-worry" / "index.html").read_text()
    assert "sleep-and-worry.vtt" not in other and "sleep-and-worry.pdf" in other


@pytest.fixture
def scripted(counted, monkeypatch):
    """The counting build, also counting each narration script written (by article)."""
    calls, settings = counted
    test_incremental.count_scripts(calls)
    return calls, settings


def test_a_no_op_writes_no_narration_script(scripted):
    """The script's digest is kept in the manifest beside what it was written from."""
    calls, settings = scripted
    assert run_build(calls, settings)["codependency:script"] >= 1
    assert run_build(calls, settings) == Counter()


@pytest.mark.parametrize(("old", "new", "remastered"), [
    ("louder at night.", "louder after dark.", 1),  # the body: a new script and a new recording
    ("summary: Why worry keeps us awake.", "summary: Why worry wakes us.", 0),  # not spoken: same script
], ids=["body", "summary"])
def test_an_edit_rescripts_only_that_article_and_remasters_only_a_changed_script(scripted, old, new, remastered):
    calls, settings = scripted
    run_build(calls, settings)
    path = settings.articles_dir / "sleep-and-worry.md"
    path.write_text(path.read_text().replace(old, new))
    changed = run_build(calls, settings)
    assert changed["sleep-and-worry:script"] >= 1 and changed["sleep-and-worry:audio"] == remastered
    assert changed["codependency:script"] == 0 and changed["codependency:audio"] == 0
