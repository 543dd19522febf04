"""Shared fixtures: the real profile and seed article, a short article, and golden-file checks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from pipeline.article.model import Article
from pipeline.audio import Cue, Script
from pipeline.sources.articles import parse_article, read_article
from pipeline.sources.practice import Practice
from pipeline.sources.profile import load_practice

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

SHORT_ARTICLE = """\
---
title: Sleep and Worry
slug: sleep-and-worry
summary: Why worry keeps us awake, and two small things that help.
updated: 2025-03-14
---

Worry often gets louder at night. Dr. Lee says that is normal.

## What helps?

- Write the worry down.
- Get up if you can't sleep after 20 minutes.
"""


def timed_cues(script: Script, sentence_ms: int = 500) -> tuple[Cue, ...]:
    """The narration as if each sentence took `sentence_ms`, back to back: cues that follow the
    script as a recording's do, for the pages and books that pair each sentence with its cue."""
    return tuple(Cue(number * sentence_ms, (number + 1) * sentence_ms - 50, segment.written, segment.block)
                 for number, segment in enumerate(script.segments))


# The longest test files (a real voice, a recogniser, many real builds), handed out first when
# `make test` runs the suite on several workers, so that none is left running alone at the end.
LONGEST_FIRST = ("tests/audio/test_spanish_voice_heard_back.py", "tests/commands/test_interruptions.py",
                 "tests/test_end_to_end.py", "tests/packets/test_packet_command.py",
                 "tests/audio/test_heard_back.py", "tests/ebook/test_validators.py", "tests/docs/test_commands.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: number for number, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # the rest keep their order


# The seed article's H2 headings, as an editor wrote them.
SEED_HEADINGS = (
    "Where does the concept of codependency come from?",
    "What does it mean to be codependent—outside of addiction?",
    "Don’t the healthiest relationships involve some dependency?",
    "Can feeling codependent cause relationship distress?",
    "Stay engaged instead of withdrawing",
    "Healthy dependency can actually be a gift",
    "You don’t have to figure this out alone",
)


@pytest.fixture(scope="session")
def practice() -> Practice:
    return load_practice(ROOT / "sources" / "practice.toml")


@pytest.fixture(scope="session")
def long_names_practice() -> Practice:
    """A profile with real-length details: a 60-character name, a 50-character e-mail address, long URLs."""
    return load_practice(FIXTURES / "practice_long_names.toml")


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return read_article(ROOT / "sources" / "articles" / "codependency.md")


@pytest.fixture(scope="session")
def short_article() -> Article:
    return parse_article(SHORT_ARTICLE.encode(), "short.md", default_slug="sleep-and-worry")


@pytest.fixture
def golden():
    """Compare text with tests/golden/NAME; `make golden` (UPDATE_GOLDEN=1) rewrites the files."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert path.exists(), f"no golden file {path}; run `make golden` and review the diff"
        assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"

    return check


def built_once(tmp_path_factory, name: str, sources: Callable[[Path], None],
               *options: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A real build through the CLI, made once per run into `<run>/<name>/` (sources, build, cache).

    When `make test` runs the suite on several workers (pytest-xdist), the first worker to need it
    builds it in their shared folder while the others wait, then read its recorded result.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # every worker's own folder is in the run's one
    root, told = shared / name, shared / name / "build-result.json"
    with FileLock(shared / f"{name}.lock"):
        if not told.exists():
            shutil.rmtree(root, ignore_errors=True)
            sources(root / "sources")
            done = subprocess.run(
                [sys.executable, "-m", "pipeline", "build", "--sources", str(root / "sources"), "--out",
                 str(root / "build"), "--cache", str(root / "cache"), *options],
                cwd=ROOT, capture_output=True, text=True, timeout=600)
            told.write_text(json.dumps([done.returncode, done.stdout, done.stderr]), encoding="utf-8")
    code, stdout, stderr = json.loads(told.read_text(encoding="utf-8"))
    result = subprocess.CompletedProcess(["pipeline", "build", *options], code, stdout, stderr)
    assert result.returncode == 0, result.stderr
    return root, result


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """One real build of the seed article through the CLI, the real voice included (slow), made once per run."""
    root, result = built_once(tmp_path_factory, "seed", lambda sources: shutil.copytree(ROOT / "sources", sources))
    return root / "build", result


def _short_article_sources(sources: Path) -> None:
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources / "practice.toml")
    (sources / "articles" / "sleep-and-worry.md").write_text(SHORT_ARTICLE, encoding="utf-8")


@pytest.fixture(scope="session")
def spoken_stamps(tmp_path_factory) -> Path:
    """A speech cache holding the project profile's spoken stamps (and the short article) in the real
    voice, made once per run: for tests about what a build makes, not about speaking."""
    root, _result = built_once(tmp_path_factory, "stamps", _short_article_sources, "--only", "audio")
    return root / "cache"


def warm_copy(stamps: Path, folder: Path) -> Path:
    """A speech cache of a test's own at `folder`, starting with the stamps already spoken.

    Its files are hard links to the shared ones: the cache only ever adds files (each written
    whole, then renamed into place) or removes them, so no test changes another's.
    """
    shutil.copytree(stamps, folder, copy_function=os.link)
    return folder


@pytest.fixture
def warm_cache(spoken_stamps) -> Callable[[Path], Path]:
    """`warm_cache(folder)`: `warm_copy` of the run's spoken stamps."""
    return lambda folder: warm_copy(spoken_stamps, folder)


@pytest.fixture(scope="session")
def spanish_article() -> Article:
    """A short article in Spanish (`lang: es`): a title, a question, a list, an address, a quote."""
    return read_article(ROOT / "tests" / "fixtures" / "article_in_spanish.md")
