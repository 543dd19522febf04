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


def _imports(path: Path, source: str) -> list[tuple[int, str]]:
    """Every module `source` (the text of `path`) imports, relative imports resolved."""
    tree = ast.parse(source)
    package = ["pipeline", *path.relative_to(PACKAGE).parent.parts]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append((node.lineno, module))
            # `from ..audio import mp3`: a name that is a module is an import of that module.
            folder = ROOT.joinpath(*module.split("."))
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names
                         if (folder / f"{alias.name}.py").is_file() or (folder / alias.name / "__init__.py").is_file())
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def reaches_inside(path: Path, source: str) -> list[str]:
    """Imports in `path` (holding `source`) of another stage's private modules, as 'file:line module'."""
    own = path.relative_to(PACKAGE).parts[0]
    wrong = []
    for line, module in _imports(path, source):
        parts = module.split(".")
        if parts[0] == "pipeline" and len(parts) > 2 and parts[1] in STAGES and parts[1] != own:
            wrong.append(f"{path.relative_to(ROOT)}:{line} {module}")
    return wrong


def test_the_stages_are_packages() -> None:
    assert {"article", "sources", "language", "importing", "handout", "audio", "email", "library", "rebuild",
            "commands", "plain_language", "building", "outputs"} <= set(STAGES)
    # Tools skip folders named like output folders (pytest's norecursedirs, black, isort): none is one.
    assert not {"build", "dist", "_build", "out"} & set(STAGES)
    for stage in STAGES:
        assert ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text())), stage


def test_layers_hold() -> None:
    """import-linter's layers contract (in pyproject.toml): a back-arrow fails here."""
    result = subprocess.run([str(Path(sys.executable).with_name("lint-imports"))], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_no_stage_reaches_into_another_stages_modules() -> None:
    wrong = [hit for path in sorted(PACKAGE.rglob("*.py"))
             for hit in reaches_inside(path, path.read_text())]
    assert wrong == []


@pytest.mark.parametrize("source, expected", [
    ("from pipeline.audio.recording.mp3 import record\n", ["pipeline/handout/x.py:1 pipeline.audio.recording.mp3"]),
    ("from pipeline.audio import record\n", []),
    ("from pipeline.handout.pdf import write_pdf\n", []),
    ("from ..audio.recording.mp3 import record\n", ["pipeline/handout/x.py:1 pipeline.audio.recording.mp3"]),
    ("from ..audio import recording\n", ["pipeline/handout/x.py:1 pipeline.audio.recording"]),
    ("from .pdf import write_pdf\n", []),
], ids=["private-module", "face", "own-stage", "relative-private-module", "relative-module-by-name",
        "relative-own-stage"])
def test_the_face_check_sees_a_private_import(source: str, expected: list[str]) -> None:
    assert reaches_inside(PACKAGE / "handout" / "x.py", source) == expected


def test_modules_stay_small() -> None:
    long = {str(path.relative_to(ROOT)): n for path in PACKAGE.rglob("*.py")
            if (n := len(path.read_text().splitlines())) > 300}
    assert long == {}


def test_faces_are_plain_imports() -> None:
    """No face resolves names on first use (`__getattr__`): every edge between stages is an import
    that readers, type checkers and import-linter see."""
    hidden = [stage for stage in STAGES
              if any(isinstance(node, ast.FunctionDef) and node.name == "__getattr__"
                     for node in ast.parse((PACKAGE / stage / "__init__.py").read_text()).body)]
    assert hidden == []


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
    with pytest.raises(AttributeError, match="has no attribute 'nothing_here'"):
        package.nothing_here  # noqa: B018


def test_the_build_command_loads_only_what_it_uses() -> None:
    """Heavy libraries load inside the functions that use them: importing every stage loads no numpy,
    no PDF renderer, no ONNX runtime, no image library."""
    probe = ("import sys, pipeline.cli; from pipeline.building import build; "
             "from pipeline.commands import print_summary; "
             "import pipeline.audio, pipeline.handout, pipeline.library, pipeline.email, pipeline.importing; "
             "print(sorted({'numpy', 'weasyprint', 'onnxruntime', 'PIL'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_no_module_imports_itself_through_another() -> None:
    """No import circles: for every import a → b, nothing that b imports (directly or not) leads back to a
    (imports inside functions and for type checking count, as they are edges a reader follows too)."""
    import grimp

    graph = grimp.build_graph("pipeline", include_external_packages=False)
    circles = sorted({tuple(sorted((module, imported))) for module in graph.modules
                      for imported in graph.find_modules_directly_imported_by(module)
                      if graph.find_shortest_chain(importer=imported, imported=module)})
    assert circles == []
