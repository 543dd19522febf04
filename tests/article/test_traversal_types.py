"""The one traversal is checked: mypy passes on it and its readers, and fails on a forgotten kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
def _mypy(*paths: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", "--follow-imports=silent", "--ignore-missing-imports",
                           "--no-error-summary", *paths], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_the_whole_package_type_checks() -> None:
    """The traversal and its readers first among them: mypy passes on every module of the package."""
    result = _mypy("pipeline")
    assert result.returncode == 0, result.stdout


FORGETFUL = '''
from typing import assert_never

from pipeline.article import Mark


def tag(mark: Mark) -> str:
    match mark:
        case "strong" | "emphasis" | "code":
            return "b"
        case _:
            assert_never(mark)
'''


@pytest.mark.slow
def test_a_forgotten_mark_fails_the_type_check(tmp_path: Path) -> None:
    module = tmp_path / "forgetful.py"
    module.write_text(FORGETFUL)
    result = _mypy(str(module))
    assert result.returncode == 1
    assert 'Argument 1 to "assert_never" has incompatible type' in result.stdout


def test_a_visitor_without_a_kind_cannot_be_made() -> None:
    from pipeline.article import BlockVisitor

    class Forgetful(BlockVisitor[str]):  # no `rule`
        def heading(self, block): return ""
        def paragraph(self, block): return ""
        def bullet_list(self, block): return ""
        def ordered_list(self, block): return ""
        def quote(self, block): return ""
        def code_block(self, block): return ""
        def table(self, block): return ""

    with pytest.raises(TypeError, match="abstract method 'rule'|abstract methods? .*rule"):
        Forgetful()
