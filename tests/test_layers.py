"""The package's shape is a contract: stages import downwards only, and only through each other's faces."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pipeline"
STAGES = sorted(path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file())


def _imports(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def reaches_inside(path: Path, source: str) -> list[str]:
    """Imports in `path` (holding `source`) of another stage's private modules, as 'file:line module'."""
    own = path.relative_to(PACKAGE).parts[0]
    wrong = []
    for line, module in _imports(source):
        parts = module.split(".")
        if parts[0] == "pipeline" and len(parts) > 2 and parts[1] in STAGES and parts[1] != own:
            wrong.append(f"{path.relative_to(ROOT)}:{line} {module}")
    return wrong


def test_the_stages_are_packages() -> None:
    assert {"importing", "sources", "handout", "audio", "email", "library", "build"} <= set(STAGES)
    for stage in STAGES:
        assert ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text())), stage


def test_layers_hold() -> None:
    """import-linter's layers contract (in pyproject.toml): a back-arrow fails here."""
    result = subprocess.run([str(Path(sys.executable).with_name("lint-imports"))], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_no_stage_reaches_into_another_stages_modules() -> None:
    wrong = [hit for path in sorted(PACKAGE.rglob("*.py"))
             for hit in reaches_inside(path, path.read_text())]
    assert wrong == []


@pytest.mark.parametrize("source, expected", [
    ("from pipeline.audio.mp3 import record\n", ["pipeline/handout/x.py:1 pipeline.audio.mp3"]),
    ("from pipeline.audio import record\n", []),
    ("from pipeline.handout.pdf import write_pdf\n", []),
], ids=["private-module", "face", "own-stage"])
def test_the_face_check_sees_a_private_import(source: str, expected: list[str]) -> None:
    assert reaches_inside(PACKAGE / "handout" / "x.py", source) == expected


def test_modules_stay_small() -> None:
    long = {str(path.relative_to(ROOT)): n for path in PACKAGE.rglob("*.py")
            if (n := len(path.read_text().splitlines())) > 330}
    assert long == {}


@pytest.mark.parametrize("stage", STAGES)
def test_every_name_on_a_stage_face_is_there(stage: str) -> None:
    """Each name resolves, even once every module of the stage is imported (importing a submodule
    sets an attribute of its name on the package, which would hide a face name spelled the same)."""
    package = importlib.import_module(f"pipeline.{stage}")
    for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        importlib.import_module(module.name)
    wrong = [name for name in getattr(package, "__all__", ())
             if getattr(package, name, None) is None or isinstance(getattr(package, name), types.ModuleType)]
    assert wrong == []
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        package.nothing_here  # noqa: B018


def test_the_build_command_loads_only_what_it_uses() -> None:
    """The faces import on first use: starting a build loads no numpy, no PDF renderer, no ONNX runtime."""
    probe = ("import sys, pipeline.cli; from pipeline.build import build, print_summary; "
             "from pipeline.audio import Recording; "
             "print(sorted({'numpy', 'weasyprint', 'onnxruntime', 'PIL'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
