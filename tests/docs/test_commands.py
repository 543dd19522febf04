"""Every command README.md and the docs show works as typed, and every option they name exists.

Each page's `console` blocks' `$ ` lines are run in order, as a reader follows the page, with bash,
in a fresh copy of the project for each page (its own `sources/`, the real `.venv` beside it), from
a plain environment: no virtualenv activated.
The files a command names for illustration (`export.xml`, `page.html`) are real files put there
first, most of them from other projects (tests/fixtures/import/real/SOURCES.md).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.cli import _parser

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted(path for path in (ROOT / "docs").rglob("*.md") if "_build" not in path.parts)]
IMPORTS = ROOT / "tests" / "fixtures" / "import"

# Shown to illustrate, never run here, each with why: the one list of them.
ILLUSTRATIVE = {
    "xdg-open build/index.html": "opens a browser",
    "make test": "runs the whole test suite, this test included",
    "make docs": "builds this site; tests/docs/test_site.py builds it strictly",
    "make bench": "measures for a quarter of an hour and rewrites BENCHMARKS.md",
    "make golden": "rewrites the project's golden files",
    "make distclean": "removes the .venv the other commands run from",
    ".venv/bin/handouts serve --only pdf --only index": "serves until Ctrl-C (tests/commands/test_serve*.py run it)",
}
# Make targets run as the CLI command their recipe is (checked against the Makefile below), since
# `make` in a copy would reinstall .venv; `make` itself builds without narrating (a minute of Piper).
MAKE = {
    "make": ("build", ".venv/bin/handouts build --only pdf --only index"),
    "make check": ("check", ".venv/bin/handouts check"),
    "make clean": ("clean", ".venv/bin/handouts clean"),
}
# The files the import commands name, as they would lie in the project's folder.
FILES = {
    "export.xml": IMPORTS / "real" / "wordpress-com-export-jekyll-import.xml",
    "blog-backup.xml": IMPORTS / "real" / "blogger-sample-google.xml",
    "medium-export/posts/2019-01-01_quote-post.html": IMPORTS / "real" / "medium-export-quote-post.html",
    "medium-export/profile/profile.html": IMPORTS / "real" / "medium-export-profile.html",
    "drafts/anxiety-handout.docx": IMPORTS / "word-anxiety-handout.docx",
    "old-site/page.html": IMPORTS / "real" / "page-wix-strive-dating.html",
    "copied-text.txt": IMPORTS / "codependency-article.txt",
    "copied-page.txt": IMPORTS / "copied-banner-menu-panic.txt",
    "page.html": IMPORTS / "squarespace-racing-mind.html",
}
NOT_OURS = {"--keep-going": "sphinx-build's", "--library": "python -m benchmark's",
            "--spanish": "python -m benchmark's", "--memory": "python -m benchmark's",
            "--ctrl-c": "python -m benchmark's"}


def _blocks() -> list[tuple[str, list[str]]]:
    """(where, commands) for every console block, in page order."""
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r"^( *)```console\n(.*?)^\1```", text, re.M | re.S):  # in a list item too
            line = text.count("\n", 0, match.start()) + 1
            rows = (row[len(match[1]):] for row in match[2].splitlines())
            commands = [row[2:] for row in rows if row.startswith("$ ")]
            found.append((f"{page.relative_to(ROOT)}:{line}", commands))
    return found


def _plain_environment() -> dict[str, str]:
    """A shell as a newcomer has it: no virtualenv active, nothing of ours on PATH."""
    env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(part for part in env.get("PATH", "").split(os.pathsep)
                                  if ".venv" not in part) or "/usr/bin:/bin"
    return env


def _project_copy(tmp_path: Path) -> Path:
    """The tracked files in a fresh folder, with the real .venv beside them."""
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    project = tmp_path / "project"
    for name in listed.splitlines():
        if not (ROOT / name).is_file():
            continue
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, project / name)
    (project / ".venv").symlink_to(ROOT / ".venv")
    for name, source in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, project / name)
    return project


BLOCKS = _blocks()


def test_the_pages_show_commands() -> None:
    assert len(BLOCKS) >= 10 and any(where.startswith("README.md") for where, _ in BLOCKS)


def _pages_shown() -> dict[str, list[tuple[str, str]]]:
    """Page -> its (where, command) pairs in order: a reader follows a page from the top, in one folder."""
    pages: dict[str, list[tuple[str, str]]] = {}
    for where, commands in BLOCKS:
        pages.setdefault(where.split(":")[0], []).extend((where, command) for command in commands)
    return pages


@pytest.mark.slow
@pytest.mark.parametrize(("page", "shown"), _pages_shown().items(), ids=list(_pages_shown()))
def test_every_shown_command_works_as_typed(page: str, shown: list[tuple[str, str]], tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    for where, command in shown:
        if command in ILLUSTRATIVE:
            continue
        typed = MAKE[command][1] if command in MAKE else command
        result = subprocess.run(["bash", "-c", typed], cwd=project, env=_plain_environment(),
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"{where}: `{command}` failed:\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, f"{where}: `{command}`:\n{result.stderr[-2000:]}"


def test_each_make_target_run_in_its_place_is_the_command_its_recipe_runs() -> None:
    makefile = (ROOT / "Makefile").read_text()
    for target, (recipe_target, typed) in MAKE.items():
        recipe = re.search(rf"^{recipe_target}:.*\n\t(.+)$", makefile, re.M)
        assert recipe, f"no recipe for {target}"
        assert recipe[1] == "$(VENV_PYTHON) -m pipeline " + recipe_target
        assert typed.startswith(".venv/bin/handouts " + recipe_target)
    assert re.search(r"^all: build$", makefile, re.M)


def _options() -> dict[str, set[str]]:
    """Each subcommand's option strings."""
    parser = _parser()
    (commands,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return {name: {option for action in sub._actions for option in action.option_strings}
            for name, sub in commands.choices.items()}


def test_every_option_a_shown_command_uses_is_its_commands() -> None:
    options = _options()
    shown = [command for _, commands in BLOCKS for command in commands]
    for page in PAGES:  # the synopses too, in their ```text blocks: `handouts build [SLUG…] [--only PART]`
        for block in re.findall(r"^```text\n(.*?)^```", page.read_text(encoding="utf-8"), re.M | re.S):
            shown += re.findall(r"^handouts .*$", block, re.M)
    checked = 0
    for command in shown:
        words = shlex.split(command.replace("[", " ").replace("]", " "), comments=True)
        if not words or words[0] not in (".venv/bin/handouts", "handouts"):
            continue
        name = words[1]
        assert name in options, f"`{command}`: no command {name!r}"
        for word in words[2:]:
            if word.startswith("-"):
                assert word.split("=")[0] in options[name], f"`{command}`: {name} has no option {word}"
                checked += 1
    assert checked >= 20


def test_every_option_the_pages_name_exists() -> None:
    known = set().union(*_options().values())
    for page in PAGES:
        for option in set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", page.read_text(encoding="utf-8"))):
            assert option in known or option in NOT_OURS, f"{page.relative_to(ROOT)}: no command has {option}"
